using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Transport;
using Switchboard.Signal.Sending;
using Switchboard.Sip;
using Switchboard.Transaction.Client;
using Switchboard.Transaction.Keys;

namespace Switchboard.Signal.Proxying;

/// <summary>
/// The proxy's <see cref="IProxyTransport"/> over the server core: forwarded requests run in the core's client
/// transaction layer (responses come back matched by branch and CSeq method), stateless sends go out directly.
/// The core is resolved on first use: its handler chain holds the proxy, so it cannot be a constructor argument.
/// </summary>
public sealed class SignalProxyTransport : IProxyTransport
{
    private readonly Lazy<SipServerCore> _core;

    public SignalProxyTransport(Func<SipServerCore> core)
    {
        ArgumentNullException.ThrowIfNull(core);
        _core = new Lazy<SipServerCore>(core, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public bool StartClientTransaction(ProxyOutgoingRequest request, IProxyBranchEvents events)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(events);
        SipServerCore core = _core.Value;
        var transport = new ClientFlowTransport(core.Outbound, request.Target);
        ClientStartResult result = core.Client.Start(
            TransactionKey.ForClient(request.Branch, request.MethodToken), request.Method == SipMethod.Invite, request.Bytes,
            transport, new BranchUser(events), out ClientTransaction? transaction);
        if (result != ClientStartResult.Started)
        {
            return false;
        }

        transport.Attach(transaction!);
        return true;
    }

    public bool SendStateless(ReadOnlyMemory<byte> message, SendTarget target) =>
        _core.Value.Outbound.Send(message, new ResponseRoute(target, null));
}
