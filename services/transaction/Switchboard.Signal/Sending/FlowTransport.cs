using Switchboard.Transaction.Server;
using Switchboard.Transaction.Transport;

namespace Switchboard.Signal.Sending;

/// <summary>One server transaction's way back to its peer: the route computed from the request, over the edge.</summary>
internal sealed class FlowTransport : ITransactionTransport, ISendFailureSink
{
    private readonly SipOutbound _outbound;
    private readonly ResponseRoute _route;
    private ServerTransaction? _transaction;

    public FlowTransport(SipOutbound outbound, ResponseRoute route)
    {
        _outbound = outbound;
        _route = route;
    }

    public bool IsReliable => _route.IsReliable;

    public ResponseRoute Route => _route;

    /// <summary>The transaction to tell about failures found after <see cref="Send"/> returned.</summary>
    public void Attach(ServerTransaction transaction) => Volatile.Write(ref _transaction, transaction);

    public bool Send(ReadOnlyMemory<byte> message) => _outbound.Send(message, _route, this);

    void ISendFailureSink.OnSendFailed() => Volatile.Read(ref _transaction)?.OnTransportError();
}
