using System.Text;
using Switchboard.Sip;
using Switchboard.Sip.Headers;

namespace Switchboard.Proxy.Context;

/// <summary>
/// Finds the response context a CANCEL targets (RFC 3261 §9.2): same top Via branch and sent-by as the INVITE;
/// for RFC 2543 peers (no magic cookie) the Call-ID, CSeq number and From tag.
/// </summary>
internal static class ContextKeys
{
    public static string? For(SipMessage request)
    {
        ReadOnlySpan<byte> buffer = request.Span;
        if (!request.TryGetVia(out SipVia via))
        {
            return null;
        }

        if (via.HasRfc3261Branch(buffer))
        {
            return $"{Encoding.UTF8.GetString(via.Branch.Of(buffer))}|{Encoding.UTF8.GetString(via.Host.Of(buffer)).ToLowerInvariant()}:{via.Port}";
        }

        string callId = request.TryGetCallId(out SipRange id) ? request.GetString(id)! : "";
        uint cseq = request.TryGetCSeq(out SipCSeq c) ? c.Number : 0;
        string fromTag = request.TryGetFrom(out SipNameAddress from) ? request.GetString(from.GetTag(buffer)) ?? "" : "";
        return $"2543|{callId}|{cseq}|{fromTag}";
    }
}
