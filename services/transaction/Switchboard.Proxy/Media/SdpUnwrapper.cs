using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.Sip;

namespace Switchboard.Proxy.Media;

/// <summary>
/// Removes our relay from an offer that came back round a media loop: each looped m= line gets the offerer's own
/// port, its <c>c=</c> (or the session's, when it has none) the offerer's address, and <c>a=rtcp</c> the offerer's
/// RTCP port. Every other byte is kept.
/// </summary>
internal static class SdpUnwrapper
{
    public static byte[] Unwrap(ReadOnlySpan<byte> sdp, SdpEndpoints endpoints, IReadOnlyDictionary<int, OriginalMedia> originals)
    {
        var splices = new List<(SipRange Range, byte[] Value)>();
        bool sessionReplaced = false;
        foreach (var (index, original) in originals)
        {
            SdpMediaEndpoint media = endpoints.Media[index];
            splices.Add((media.PortToken, Ascii(original.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            if (media.Connection is { } own)
            {
                splices.Add((own.Value, Connection(original.Address)));
            }
            else if (endpoints.Session is { } session && !sessionReplaced)
            {
                splices.Add((session.Value, Connection(original.Address)));
                sessionReplaced = true;
            }

            if (media.Rtcp is { } rtcp)
            {
                splices.Add((rtcp.Value, Ascii($"rtcp:{original.RtcpPort}")));
            }
        }

        splices.Sort((a, b) => a.Range.Start.CompareTo(b.Range.Start));
        var output = new List<byte>(sdp.Length + 16);
        int offset = 0;
        foreach (var (range, value) in splices)
        {
            output.AddRange(sdp[offset..range.Start]);
            output.AddRange(value);
            offset = range.End;
        }

        output.AddRange(sdp[offset..]);
        return [.. output];
    }

    private static byte[] Connection(IPAddress address) =>
        Ascii($"IN {(address.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4")} {address}");

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
