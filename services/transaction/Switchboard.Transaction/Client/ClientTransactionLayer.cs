using Switchboard.Transaction.Keys;
using Switchboard.Transaction.Options;
using Switchboard.Transaction.Table;
using Switchboard.Transaction.Transport;

namespace Switchboard.Transaction.Client;

/// <summary>
/// Starts client transactions within the Client Transactions Limit and matches responses to them
/// (RFC 3261 §17.1.3: top Via branch and CSeq method).
/// </summary>
public sealed class ClientTransactionLayer
{
    private readonly TransactionContext _context;
    private readonly IAckBuilder _ackBuilder;
    private readonly Action<Transaction> _onTerminated;
    private readonly Func<bool> _settle;

    /// <summary>Creates the layer; <paramref name="ackBuilder"/> builds ACKs for non-2xx INVITE responses.</summary>
    public ClientTransactionLayer(TransactionContext context, IAckBuilder ackBuilder)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(ackBuilder);
        _context = context;
        _ackBuilder = ackBuilder;
        // Completed and Accepted transactions (Timers D, K, M: up to 32 s after the answer) count apart, up to
        // CompletedLimit, or 1,600 calls/s would fill a 50,000 Limit with calls already answered.
        Table = new TransactionTable<ClientTransaction>(
            context.Options.Shards, context.Options.Client.Limit, context.Options.Client.CompletedLimit);
        _onTerminated = tx => Table.Remove(tx.Key, (ClientTransaction)tx, tx.IsSettled);
        _settle = Table.TrySettle;
    }

    /// <summary>The live client transactions.</summary>
    public TransactionTable<ClientTransaction> Table { get; }

    /// <summary>Creates, stores and starts a client transaction for <paramref name="request"/>.</summary>
    public ClientStartResult Start(
        in TransactionKey key, bool isInvite, ReadOnlyMemory<byte> request, ITransactionTransport transport,
        IClientTransactionUser user, out ClientTransaction? transaction)
    {
        ClientTransaction created = isInvite
            ? new ClientInviteTransaction(key, request, transport, user, _ackBuilder, _context)
            : new ClientNonInviteTransaction(key, request, transport, user, _context);
        switch (Table.TryAdd(key, created, out _))
        {
            case TableAddResult.Added:
                created.SetTerminatedCallback(_onTerminated);
                created.SettleHandler = _settle;
                created.Start();
                transaction = created;
                return ClientStartResult.Started;
            case TableAddResult.Exists:
                transaction = null;
                return ClientStartResult.Duplicate;
            default:
                _context.Metrics.OnRefused();
                _context.ClientLog.Write(TransactionLogLevel.Problems, "Client transaction limit {Limit} reached, {Key} refused", Table.Limit, key);
                transaction = null;
                return ClientStartResult.Refused;
        }
    }

    /// <summary>
    /// Feeds a response to its transaction; false when none matches (e.g. a 2xx retransmission after
    /// Timer M, which a proxy forwards statelessly per RFC 6026).
    /// </summary>
    public bool ReceiveResponse(in TransactionKey key, int statusCode, ReadOnlyMemory<byte> response)
    {
        if (!Table.TryGet(key, out var transaction)) return false;
        transaction.ReceiveResponse(statusCode, response);
        return true;
    }
}
