using Switchboard.Transaction.Keys;
using Switchboard.Transaction.Transport;

namespace Switchboard.Transaction.Server;

/// <summary>A server transaction (RFC 3261 §17.2): absorbs request retransmissions and sends the TU's responses.</summary>
public abstract class ServerTransaction : Transaction
{
    private protected ServerTransaction(
        TransactionKey key, TransactionKind kind, ReadOnlyMemory<byte> request, ITransactionTransport transport,
        IServerTransactionUser user, TransactionContext context)
        : base(key, kind, transport, context, isServer: true)
    {
        ArgumentNullException.ThrowIfNull(user);
        Request = request;
        User = user;
    }

    /// <summary>
    /// The request that created the transaction; empty once a non-INVITE transaction is in Completed over an
    /// unreliable transport (then only its final response is kept, for retransmissions).
    /// </summary>
    public ReadOnlyMemory<byte> Request { get; private protected set; }

    /// <summary>
    /// Set by the layer when it keeps completed responses outside transaction objects: takes the final response of a
    /// completed non-INVITE transaction over an unreliable transport and answers whether it will resend it for Timer J
    /// (the transaction may then end at once).
    /// </summary>
    internal Func<ServerTransaction, ReadOnlyMemory<byte>, bool>? SettleAwayHandler { get; set; }

    /// <summary>Hands the final response to the layer's settled store; true when the transaction may terminate now.</summary>
    private protected bool TrySettleAway(ReadOnlyMemory<byte> response) => SettleAwayHandler is { } away && away(this, response);

    /// <summary>The transaction user.</summary>
    public IServerTransactionUser User { get; }

    /// <summary>The last response sent (resent on request retransmissions).</summary>
    public abstract ReadOnlyMemory<byte> LastResponse { get; }

    /// <summary>Passes the request to the TU and starts the timers; call once, after adding to a table.</summary>
    public abstract void Start();

    /// <summary>A retransmission of the request matched this transaction.</summary>
    public abstract void ReceiveRequest(ReadOnlyMemory<byte> request);

    /// <summary>
    /// The TU's response. False when the state does not take it (e.g. a second final response,
    /// a status outside 100..699) — the bytes are then not sent.
    /// </summary>
    public abstract bool SendResponse(int statusCode, ReadOnlyMemory<byte> response);

    /// <summary>The transport reported an error on this transaction's flow.</summary>
    public abstract void OnTransportError();

    internal override void Deliver(TuEvent kind, int statusCode, ReadOnlyMemory<byte> message)
    {
        switch (kind)
        {
            case TuEvent.Request: User.OnRequest(this, message); break;
            case TuEvent.TransportError: User.OnTransportError(this); break;
            case TuEvent.Ack: User.OnAck((ServerInviteTransaction)this, message); break;
            case TuEvent.AckTimeout: User.OnAckTimeout((ServerInviteTransaction)this); break;
        }
    }

    private protected static bool IsValidStatus(int statusCode) => statusCode is >= 100 and <= 699;
}
