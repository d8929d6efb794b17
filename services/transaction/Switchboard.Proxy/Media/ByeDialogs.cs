using System.Collections.Concurrent;
using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Routing;
using Switchboard.Sip;
using Switchboard.Sip.Headers;

namespace Switchboard.Proxy.Media;

/// <summary>
/// The relayed, confirmed dialogs the proxy can end with BYEs when their media time out, by Call-ID (one per call:
/// the first 2xx wins, as for the relay). Bounded: at most <c>limit</c> dialogs (later ones are simply not kept);
/// an entry goes on BYE, on the end of its relay and on the timeout itself. Thread-safe.
/// </summary>
internal sealed class ByeDialogs(ProxyIdentity identity, int limit)
{
    private readonly ConcurrentDictionary<string, ByeDialog> _byCallId = new(StringComparer.Ordinal);
    private int _count; // kept beside the table: ConcurrentDictionary.Count takes every lock

    public int Count => Volatile.Read(ref _count);

    /// <summary>
    /// The 2xx of a relayed initial INVITE: keeps what a BYE to each side needs. False when the 2xx lacks a To tag or
    /// Contact, the Call-ID is already kept, or the table is full.
    /// </summary>
    public bool Confirm(CallerLeg caller, SipMessage response, SendTarget calleeTarget)
    {
        string calleeTag = MediaMessages.ToTag(response);
        if (calleeTag.Length == 0 || CallerLeg.ContactUri(response) is not { } contact
            || !response.TryGetFirst(HeaderKind.To, out SipHeader to) || Count >= limit)
        {
            return false;
        }

        var dialog = new ByeDialog(caller, calleeTag, response.GetString(to.Value) ?? "", contact, DownstreamRoutes(response), calleeTarget);
        if (!_byCallId.TryAdd(dialog.CallId, dialog))
        {
            return false;
        }

        Interlocked.Increment(ref _count);
        return true;
    }

    /// <summary>An in-dialog request (not ACK/CANCEL) passing through: its sender's CSeq is remembered.</summary>
    public void Track(SipMessage request)
    {
        if (!_byCallId.IsEmpty && _byCallId.TryGetValue(MediaMessages.CallId(request), out ByeDialog? dialog) && request.TryGetCSeq(out SipCSeq cseq))
        {
            dialog.Saw(MediaMessages.FromTag(request), cseq.Number);
        }
    }

    public ByeDialog? Take(string callId)
    {
        if (_byCallId.IsEmpty || !_byCallId.TryRemove(callId, out ByeDialog? dialog))
        {
            return null;
        }

        Interlocked.Decrement(ref _count);
        return dialog;
    }

    public void Remove(string callId) => Take(callId);

    /// <summary>
    /// The Record-Route values the proxies after us added (above our own, which may be two after double
    /// record-routing), reversed: the route set the caller uses beyond us (RFC 3261 §12.1.2, §16.12).
    /// </summary>
    private string[] DownstreamRoutes(SipMessage response)
    {
        var above = new List<string>();
        foreach (SipHeader header in response.GetHeaders(HeaderKind.RecordRoute))
        {
            if (RoutePreprocessor.TryGetUri(response, header, out Sip.Uris.SipUri? uri) && identity.IsUs(uri))
            {
                above.Reverse();
                return [.. above];
            }

            above.Add(response.GetString(header.Value) ?? "");
        }

        return []; // our Record-Route is missing: we cannot tell who is beyond us, so assume nobody
    }
}
