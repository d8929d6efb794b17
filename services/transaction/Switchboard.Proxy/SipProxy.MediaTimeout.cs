using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Context;
using Switchboard.Proxy.Media;
using Switchboard.Proxy.Transport;
using Switchboard.Sip;

namespace Switchboard.Proxy;

/// <summary>
/// The manual's removal of abandoned calls: when the media relay times a call out (<c>MediaSessionTimedOut</c>) and
/// <see cref="ProxyMediaOptions.EndCallOnTimeout"/> is on, the proxy sends a BYE to each side of the relayed dialog
/// (as the other side would, through the route set beyond us) and forgets the call.
/// </summary>
public sealed partial class SipProxy
{
    private static readonly IgnoredResponses ByeResponses = new();

    /// <summary>
    /// Ends the relayed call <paramref name="callId"/> whose media timed out: the number of BYEs sent (0 when the
    /// option is off, the call is unknown or already ended).
    /// </summary>
    public int EndCallOnMediaTimeout(string callId)
    {
        ArgumentNullException.ThrowIfNull(callId);
        if (_services.Media?.TakeTimedOut(callId) is not { } dialog)
        {
            return 0;
        }

        CallerLeg caller = dialog.Caller;
        int sent = SendBye(dialog.CalleeTarget, dialog.CalleeContact, dialog.CalleeRoutes, caller.From, dialog.CalleeTo, callId, dialog.NextCallerCSeq)
            + SendBye(SendTarget.ToFlow(caller.Source), caller.Contact, caller.Routes, dialog.CalleeTo, caller.From, callId, dialog.NextCalleeCSeq);
        _services.Calls.Ended(callId, 408, "Media timeout");
        _services.Logger.LogInformation("Call {CallId} ended: its media timed out ({Sent} BYE sent)", callId, sent);
        return sent;
    }

    private int SendBye(SendTarget target, string requestUri, string[] routes, string from, string to, string callId, uint cseq)
    {
        SipTransport transport = target.Flow?.Transport ?? target.Transport ?? SipTransport.Udp;
        string branch = _services.Branches.Create(0);
        byte[] bye = MediaTimeoutBye.Build(_services.Identity.CreateVia(transport, branch), requestUri, routes, from, to, callId, cseq);
        bool started = _services.Transport.StartClientTransaction(new ProxyOutgoingRequest(bye, branch, SipMethod.Bye, "BYE", target), ByeResponses);
        if (!started)
        {
            _services.Logger.LogWarning("The media-timeout BYE of {CallId} to {Uri} could not be sent", callId, requestUri);
        }

        return started ? 1 : 0;
    }
}
