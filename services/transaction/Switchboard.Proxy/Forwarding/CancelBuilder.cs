using System.Buffers;
using Switchboard.Sip;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Writing;

namespace Switchboard.Proxy.Forwarding;

/// <summary>
/// The CANCEL for one branch (RFC 3261 §9.1, §16.10): Request-URI, Call-ID, From, To, CSeq number and Route set
/// of the INVITE as we sent it, our single Via with that branch, method CANCEL; a Reason (RFC 3326) says why.
/// </summary>
public static class CancelBuilder
{
    public static byte[] Build(SipMessage forwardedInvite, string? reason)
    {
        ArgumentNullException.ThrowIfNull(forwardedInvite);
        var output = new ArrayBufferWriter<byte>(forwardedInvite.HeaderSectionLength);
        var writer = new SipMessageWriter(output);
        writer.WriteRequestLine("CANCEL"u8, forwardedInvite.GetSpan(forwardedInvite.RequestUri));
        if (forwardedInvite.TryGetFirst(HeaderKind.Via, out SipHeader via))
        {
            writer.WriteHeader("Via"u8, forwardedInvite.GetValue(via));
        }

        writer.WriteHeader("Max-Forwards"u8, 70);
        foreach (SipHeader route in forwardedInvite.GetHeaders(HeaderKind.Route))
        {
            writer.WriteHeader("Route"u8, forwardedInvite.GetValue(route));
        }

        Copy(writer, forwardedInvite, HeaderKind.From, "From"u8);
        Copy(writer, forwardedInvite, HeaderKind.To, "To"u8);
        Copy(writer, forwardedInvite, HeaderKind.CallId, "Call-ID"u8);
        if (forwardedInvite.TryGetCSeq(out SipCSeq cseq))
        {
            writer.WriteHeader("CSeq", $"{cseq.Number} CANCEL");
        }

        if (reason is not null)
        {
            writer.WriteHeader("Reason", reason);
        }

        writer.EndWithoutBody();
        return output.WrittenSpan.ToArray();
    }

    private static void Copy(SipMessageWriter writer, SipMessage message, HeaderKind kind, ReadOnlySpan<byte> name)
    {
        if (message.TryGetFirst(kind, out SipHeader header))
        {
            writer.WriteHeader(name, message.GetValue(header));
        }
    }
}
