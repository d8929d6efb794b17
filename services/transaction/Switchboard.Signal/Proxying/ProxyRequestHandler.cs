using Switchboard.Proxy;
using Switchboard.Signal.Handlers;
using Switchboard.Signal.Metrics;
using Switchboard.Sip;

namespace Switchboard.Signal.Proxying;

/// <summary>
/// The proxy as the last link of the handler chain: forwards what it can (ACKs for 2xx statelessly), cancels the
/// INVITEs it forwards, and answers 501 what is left — a request for the server itself that no handler before it
/// served (the core answers CANCELs of those) — like the fallback it replaces.
/// </summary>
public sealed class ProxyRequestHandler : ISipRequestHandler, ISipCancelHandler
{
    private const SipMethod Forwarded = SipMethod.Invite | SipMethod.Ack | SipMethod.Bye | SipMethod.Cancel | SipMethod.Options
        | SipMethod.Message | SipMethod.Subscribe | SipMethod.Notify | SipMethod.Publish | SipMethod.Refer | SipMethod.Info
        | SipMethod.Update | SipMethod.Prack;

    private readonly SipProxy _proxy;
    private readonly SignalMetrics _metrics;

    public ProxyRequestHandler(SipProxy proxy, SignalMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        ArgumentNullException.ThrowIfNull(metrics);
        _proxy = proxy;
        _metrics = metrics;
    }

    public SipMethod Methods => Forwarded;

    public async ValueTask<bool> TryHandleAsync(SipRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Method != SipMethod.Register)
        {
            ProxyOutcome outcome = await _proxy.HandleAsync(ToProxyRequest(context), cancellationToken).ConfigureAwait(false);
            if (outcome != ProxyOutcome.NotForwardable || context.IsAck)
            {
                return true;
            }
        }

        context.Respond(501);
        return true;
    }

    public bool TryCancel(SipRequestContext cancel) => _proxy.TryCancel(ToProxyRequest(cancel));

    private ProxyRequest ToProxyRequest(SipRequestContext context) => new(
        context.Request, context.Flow, context.Transaction is { } tx ? new ServerTransactionResponder(tx, _metrics) : null);
}
