using System.Buffers;
using System.Globalization;
using System.Text;
using Switchboard.Sip.Writing;

namespace Switchboard.Proxy.Media;

/// <summary>
/// A BYE the proxy sends on a party's behalf when the call's media timed out (the manual's removal of abandoned
/// calls): in-dialog request per RFC 3261 §12.2.1.1 — Request-URI the remote target, Route the route set beyond us,
/// From/To the sender's and the receiver's tagged values — with our Via and a Reason (RFC 3326).
/// </summary>
internal static class MediaTimeoutBye
{
    public const string Reason = "SIP;cause=408;text=\"media timeout\"";

    public static byte[] Build(byte[] via, string requestUri, IReadOnlyList<string> routes, string from, string to, string callId, uint cseq)
    {
        var output = new ArrayBufferWriter<byte>(512);
        var writer = new SipMessageWriter(output);
        writer.WriteRequestLine("BYE"u8, Encoding.UTF8.GetBytes(requestUri));
        writer.WriteHeader("Via"u8, via);
        writer.WriteHeader("Max-Forwards"u8, 70);
        foreach (string route in routes)
        {
            writer.WriteHeader("Route", route);
        }

        writer.WriteHeader("From", from);
        writer.WriteHeader("To", to);
        writer.WriteHeader("Call-ID", callId);
        writer.WriteHeader("CSeq", string.Create(CultureInfo.InvariantCulture, $"{cseq} BYE"));
        writer.WriteHeader("Reason", Reason);
        writer.EndWithoutBody();
        return output.WrittenSpan.ToArray();
    }
}
