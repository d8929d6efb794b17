using Switchboard.Transaction.Keys;
using Switchboard.Transaction.Options;
using Switchboard.Transaction.Table;
using Switchboard.Transaction.Transport;

namespace Switchboard.Transaction.Server;

/// <summary>
/// Matches incoming requests to server transactions (RFC 3261 §17.2.3) and creates new ones
/// within the Server Transactions Limit; terminated transactions leave the table by themselves.
/// CANCEL gets its own non-INVITE transaction here; finding the INVITE it cancels is the caller's look-up.
/// </summary>
public sealed class ServerTransactionLayer
{
    private readonly TransactionContext _context;
    private readonly IServerTransactionUser _user;
    private readonly ITryingBuilder? _tryingBuilder;
    private readonly Action<Transaction> _onTerminated;
    private readonly Func<bool> _settle;
    private readonly SettledResponses? _settled;
    private readonly Func<ServerTransaction, ReadOnlyMemory<byte>, bool>? _settleAway;

    /// <summary>Creates the layer; <paramref name="tryingBuilder"/> enables the automatic 100 Trying.</summary>
    public ServerTransactionLayer(TransactionContext context, IServerTransactionUser user, ITryingBuilder? tryingBuilder = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(user);
        _context = context;
        _user = user;
        _tryingBuilder = tryingBuilder;
        Table = new TransactionTable<ServerTransaction>(
            context.Options.Shards, context.Options.Server.Limit, context.Options.Server.CompletedLimit);
        _onTerminated = tx => Table.Remove(tx.Key, (ServerTransaction)tx, ((ServerTransaction)tx).IsSettled);
        _settle = Table.TrySettle;
        if (context.Options.Server.CompletedBytes > 0)
        {
            _settled = new SettledResponses(context.Options.Server.CompletedBytes);
            _settleAway = SettleAway;
        }
    }

    /// <summary>Completed non-INVITE transactions whose final response is still resent (objects and store records).</summary>
    public int SettledCount => Table.SettledCount + (_settled?.Count ?? 0);

    /// <summary>Completed responses dropped from the store before Timer J because it was full.</summary>
    public long SettledEvicted => _settled?.Evicted ?? 0;

    /// <summary>The live server transactions.</summary>
    public TransactionTable<ServerTransaction> Table { get; }

    /// <summary>Looks up a transaction (e.g. the INVITE a CANCEL targets, by a key the caller builds).</summary>
    public bool TryFind(in TransactionKey key, out ServerTransaction? transaction) => Table.TryGet(key, out transaction);

    /// <summary>Feeds a received request: to its transaction, to a new one, or back to the caller.</summary>
    public ServerReceiveResult Receive(
        in TransactionKey key, ServerRequestKind kind, ReadOnlyMemory<byte> request, ITransactionTransport transport,
        out ServerTransaction? transaction)
    {
        ArgumentNullException.ThrowIfNull(transport);
        if (kind == ServerRequestKind.Ack) return ReceiveAck(key, request, out transaction);
        if (Table.TryGet(key, out transaction))
        {
            transaction.ReceiveRequest(request);
            return ServerReceiveResult.Retransmission;
        }
        if (kind == ServerRequestKind.NonInvite && _settled?.Find(key, NowMs()) is { } response)
        {
            // A retransmission within Timer J of a transaction that completed into the store (§17.2.2: resend).
            _context.Metrics.OnRetransmission();
            transport.Send(response);
            return ServerReceiveResult.Retransmission;
        }
        ServerTransaction created = kind == ServerRequestKind.Invite
            ? new ServerInviteTransaction(key, request, transport, _user, _context, _tryingBuilder)
            : new ServerNonInviteTransaction(key, request, transport, _user, _context);
        switch (Table.TryAdd(key, created, out var existing))
        {
            case TableAddResult.Added:
                created.SetTerminatedCallback(_onTerminated);
                created.SettleHandler = _settle;
                created.SettleAwayHandler = _settleAway;
                created.Start();
                transaction = created;
                return ServerReceiveResult.Created;
            case TableAddResult.Exists:
                existing!.ReceiveRequest(request);
                transaction = existing;
                return ServerReceiveResult.Retransmission;
            default:
                _context.Metrics.OnRefused();
                _context.ServerLog.Write(TransactionLogLevel.Problems, "Server transaction limit {Limit} reached, {Key} refused", Table.Limit, key);
                transaction = null;
                return ServerReceiveResult.Refused;
        }
    }

    private bool SettleAway(ServerTransaction transaction, ReadOnlyMemory<byte> response)
    {
        long now = NowMs();
        return _settled!.TryAdd(transaction.Key, response.Span, now + (long)_context.Options.Timeout64T1.TotalMilliseconds, now);
    }

    private long NowMs() => _context.Time.GetUtcNow().ToUnixTimeMilliseconds();

    private ServerReceiveResult ReceiveAck(in TransactionKey key, ReadOnlyMemory<byte> ack, out ServerTransaction? transaction)
    {
        if (Table.TryGet(key, out transaction) && transaction is ServerInviteTransaction invite)
        {
            invite.ReceiveAck(ack);
            return ServerReceiveResult.AckMatched;
        }
        transaction = null;
        return ServerReceiveResult.AckUnmatched;
    }
}
