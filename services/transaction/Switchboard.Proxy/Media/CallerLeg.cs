using Switchboard.Contracts.Sip;
using Switchboard.Sip;
using Switchboard.Sip.Headers;

namespace Switchboard.Proxy.Media;

/// <summary>
/// What a BYE towards the caller (and one on its behalf towards the callee) needs from the initial INVITE as it
/// reached us: its From (tag included), Contact URI, CSeq, the Record-Route values of the proxies before us (the
/// callee's route set beyond us, in order: RFC 3261 §12.1.2) and the flow it came in on. Immutable.
/// </summary>
internal sealed record CallerLeg(string CallId, string From, string Contact, uint CSeq, string[] Routes, SipFlow Source)
{
    /// <summary>Null when the INVITE lacks a From, Contact or CSeq (no dialog to end then).</summary>
    public static CallerLeg? Read(SipMessage invite, SipFlow source)
    {
        if (!invite.TryGetFirst(HeaderKind.From, out SipHeader from) || ContactUri(invite) is not { } contact
            || !invite.TryGetCSeq(out SipCSeq cseq))
        {
            return null;
        }

        return new CallerLeg(MediaMessages.CallId(invite), invite.GetString(from.Value) ?? "", contact, cseq.Number, RecordRoutes(invite), source);
    }

    /// <summary>The first Contact's URI (without angle brackets), or null.</summary>
    public static string? ContactUri(SipMessage message) =>
        message.TryGetFirst(HeaderKind.Contact, out SipHeader contact) && message.TryGetNameAddress(contact, out SipNameAddress address)
            && address.Uri.IsPresent ? message.GetString(address.Uri) : null;

    /// <summary>Every Record-Route value, top first (the parser splits comma lists into one header each).</summary>
    public static string[] RecordRoutes(SipMessage message)
    {
        var values = new List<string>();
        foreach (SipHeader header in message.GetHeaders(HeaderKind.RecordRoute))
        {
            values.Add(message.GetString(header.Value) ?? "");
        }

        return [.. values];
    }
}
