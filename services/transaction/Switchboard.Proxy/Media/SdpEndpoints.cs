using System.Buffers.Text;
using System.Net;
using System.Text;
using Switchboard.Sip;

namespace Switchboard.Proxy.Media;

/// <summary>
/// Where an SDP body (RFC 8866) says its media go: the session-level <c>c=</c>, and per <c>m=</c> line its port,
/// its own <c>c=</c> and <c>a=rtcp</c>, as offsets into the body. Only what loop detection reads and rewrites;
/// the relay itself parses SDP fully. Unreadable lines are skipped, never thrown on.
/// </summary>
internal sealed class SdpEndpoints
{
    private SdpEndpoints(SdpConnectionValue? session, List<SdpMediaEndpoint> media)
    {
        Session = session;
        Media = media;
    }

    public SdpConnectionValue? Session { get; }

    public IReadOnlyList<SdpMediaEndpoint> Media { get; }

    public static SdpEndpoints Read(ReadOnlySpan<byte> sdp)
    {
        SdpConnectionValue? session = null;
        var media = new List<SdpMediaEndpoint>();
        int offset = 0;
        while (offset < sdp.Length)
        {
            int end = sdp[offset..].IndexOf((byte)'\n');
            int next = end < 0 ? sdp.Length : offset + end + 1;
            int lineEnd = end < 0 ? sdp.Length : offset + end;
            if (lineEnd > offset && sdp[lineEnd - 1] == '\r')
            {
                lineEnd--;
            }

            if (lineEnd - offset >= 2 && sdp[offset + 1] == '=')
            {
                ReadLine(sdp, sdp[offset], new SipRange(offset + 2, lineEnd - offset - 2), ref session, media);
            }

            offset = next;
        }

        return new SdpEndpoints(session, media);
    }

    /// <summary>The address media of line <paramref name="index"/> go to (its own c=, else the session's).</summary>
    public IPAddress? AddressOf(int index) => Media[index].Connection?.Address ?? Session?.Address;

    private static void ReadLine(ReadOnlySpan<byte> sdp, byte type, SipRange value, ref SdpConnectionValue? session, List<SdpMediaEndpoint> media)
    {
        ReadOnlySpan<byte> text = value.Of(sdp);
        switch (type)
        {
            case (byte)'m':
                if (ReadMediaPort(text, value.Start) is { } port)
                {
                    media.Add(new SdpMediaEndpoint(media.Count, port.Range, port.Value));
                }

                break;
            case (byte)'c':
                SdpConnectionValue connection = new(value, ReadConnectionAddress(text));
                if (media.Count == 0)
                {
                    session = connection;
                }
                else
                {
                    media[^1].Connection = connection;
                }

                break;
            case (byte)'a' when media.Count > 0 && text.StartsWith("rtcp:"u8):
                if (Utf8Parser.TryParse(text[5..], out int rtcp, out _) && rtcp is > 0 and <= 65535)
                {
                    media[^1].Rtcp = (value, rtcp);
                }

                break;
        }
    }

    /// <summary>"audio 49170[/2] RTP/AVP 0": the second token up to '/' or space.</summary>
    private static (SipRange Range, int Value)? ReadMediaPort(ReadOnlySpan<byte> text, int start)
    {
        int space = text.IndexOf((byte)' ');
        if (space < 0)
        {
            return null;
        }

        ReadOnlySpan<byte> rest = text[(space + 1)..];
        int length = rest.IndexOfAny((byte)' ', (byte)'/');
        length = length < 0 ? rest.Length : length;
        return Utf8Parser.TryParse(rest[..length], out int port, out int consumed) && consumed == length && port is >= 0 and <= 65535
            ? (new SipRange(start + space + 1, length), port)
            : null;
    }

    /// <summary>"IN IP4 192.0.2.1[/ttl[/n]]": the third token, without the multicast suffixes.</summary>
    private static IPAddress? ReadConnectionAddress(ReadOnlySpan<byte> text)
    {
        int last = text.LastIndexOf((byte)' ');
        if (last < 0)
        {
            return null;
        }

        ReadOnlySpan<byte> address = text[(last + 1)..];
        int slash = address.IndexOf((byte)'/');
        address = slash < 0 ? address : address[..slash];
        return IPAddress.TryParse(Encoding.ASCII.GetString(address), out IPAddress? parsed) ? parsed : null;
    }
}

/// <summary>A <c>c=</c> line's value ("IN IP4 addr") and its address.</summary>
internal readonly record struct SdpConnectionValue(SipRange Value, IPAddress? Address);

/// <summary>One <c>m=</c> line: its port token, its own <c>c=</c>, its <c>a=rtcp</c> value and port.</summary>
internal sealed class SdpMediaEndpoint(int index, SipRange portToken, int port)
{
    public int Index { get; } = index;

    public SipRange PortToken { get; } = portToken;

    public int Port { get; } = port;

    public SdpConnectionValue? Connection { get; set; }

    public (SipRange Value, int Port)? Rtcp { get; set; }

    /// <summary>RTCP goes to a=rtcp's port, else the next port up (RFC 3605, RFC 3550 §11).</summary>
    public int RtcpPort => Rtcp?.Port ?? Port + 1;
}
