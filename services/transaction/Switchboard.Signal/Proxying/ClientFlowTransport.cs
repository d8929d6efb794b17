using Switchboard.Contracts.Sip;
using Switchboard.Signal.Sending;
using Switchboard.Transaction.Client;
using Switchboard.Transaction.Transport;

namespace Switchboard.Signal.Proxying;

/// <summary>A proxy branch's way to its next hop (a flow, or an address the proxy located), over the edge.</summary>
internal sealed class ClientFlowTransport : ITransactionTransport, ISendFailureSink
{
    private readonly SipOutbound _outbound;
    private readonly ResponseRoute _route;
    private ClientTransaction? _transaction;

    public ClientFlowTransport(SipOutbound outbound, SendTarget target)
    {
        _outbound = outbound;
        _route = new ResponseRoute(target, null);
    }

    public bool IsReliable => _route.IsReliable;

    /// <summary>The transaction to tell about failures found after <see cref="Send"/> returned.</summary>
    public void Attach(ClientTransaction transaction) => Volatile.Write(ref _transaction, transaction);

    public bool Send(ReadOnlyMemory<byte> message) => _outbound.Send(message, _route, this);

    void ISendFailureSink.OnSendFailed() => Volatile.Read(ref _transaction)?.OnTransportError();
}
