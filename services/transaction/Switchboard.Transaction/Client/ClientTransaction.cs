using Switchboard.Transaction.Keys;
using Switchboard.Transaction.Transport;

namespace Switchboard.Transaction.Client;

/// <summary>A client transaction (RFC 3261 §17.1): sends a request and passes responses to its TU.</summary>
public abstract class ClientTransaction : Transaction
{
    private protected ClientTransaction(
        TransactionKey key, TransactionKind kind, ReadOnlyMemory<byte> request, ITransactionTransport transport,
        IClientTransactionUser user, TransactionContext context)
        : base(key, kind, transport, context, isServer: false)
    {
        ArgumentNullException.ThrowIfNull(user);
        Request = request;
        User = user;
    }

    /// <summary>The request bytes as sent (and retransmitted).</summary>
    public ReadOnlyMemory<byte> Request { get; }

    /// <summary>The transaction user.</summary>
    public IClientTransactionUser User { get; }

    /// <summary>Sends the request and starts the timers; call once, after adding to a table.</summary>
    public abstract void Start();

    /// <summary>A response matched this transaction (by the §17.1.3 key).</summary>
    public abstract void ReceiveResponse(int statusCode, ReadOnlyMemory<byte> response);

    /// <summary>The transport reported an error on this transaction's flow.</summary>
    public abstract void OnTransportError();

    internal override void Deliver(TuEvent kind, int statusCode, ReadOnlyMemory<byte> message)
    {
        switch (kind)
        {
            case TuEvent.Provisional: User.OnProvisional(this, statusCode, message); break;
            case TuEvent.Final: User.OnFinal(this, statusCode, message); break;
            case TuEvent.Timeout: User.OnTimeout(this); break;
            case TuEvent.TransportError: User.OnTransportError(this); break;
        }
    }

    /// <summary>Rejects status codes outside 100..699 so a bad glue value cannot drive a transition.</summary>
    private protected static bool IsValidStatus(int statusCode) => statusCode is >= 100 and <= 699;
}
