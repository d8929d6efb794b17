using Switchboard.Proxy.Context;
using Switchboard.Proxy.Forwarding;
using Switchboard.Sip;

namespace Switchboard.Proxy;

/// <summary>RFC 3261 §16.10: a CANCEL is answered by us and cancels the pending branches of its INVITE's context.</summary>
public sealed partial class SipProxy
{
    /// <summary>
    /// A CANCEL whose INVITE the proxy is forwarding: 200 to the CANCEL, then the branches are cancelled. False (and
    /// nothing sent) when no response context matches — the INVITE may be one the server answers itself.
    /// </summary>
    public bool TryCancel(ProxyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Transaction is null || request.Message.Method != SipMethod.Cancel
            || !_contexts.TryGetValue($"{ContextKeys.For(request.Message)}|INVITE", out ProxyContext? context))
        {
            return false;
        }

        if (request.Transaction.SendResponse(200, LocalResponses.Create(request.Message, 200, null)))
        {
            _services.Metrics.ResponseSent(200);
        }

        context.Cancel();
        return true;
    }

    private ProxyOutcome Cancel(ProxyRequest request)
    {
        if (!TryCancel(request))
        {
            Answer(request, new Validation.ProxyRejection(481, "Call/Transaction Does Not Exist"));
        }

        return ProxyOutcome.Answered;
    }
}
