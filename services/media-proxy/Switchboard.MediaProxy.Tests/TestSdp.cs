using System.Text;
using Switchboard.MediaProxy.Sdp;

namespace Switchboard.MediaProxy.Tests;

/// <summary>SDP bodies for tests, built from a few parameters.</summary>
internal static class TestSdp
{
    public static byte[] Audio(int port, string address = "127.0.0.1", int version = 1, bool rtcpMux = false,
        string user = "alice") =>
        Bytes($"v=0\r\no={user} 1000 {version} IN IP4 {address}\r\ns=-\r\nc=IN IP4 {address}\r\nt=0 0\r\n"
            + $"m=audio {port} RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
            + (rtcpMux ? "a=rtcp-mux\r\n" : "") + "a=sendrecv\r\n");

    public static byte[] AudioVideo(int audioPort, int videoPort, string address = "127.0.0.1", int version = 1) =>
        Bytes($"v=0\r\no=alice 1000 {version} IN IP4 {address}\r\ns=-\r\nc=IN IP4 {address}\r\nt=0 0\r\n"
            + $"m=audio {audioPort} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n"
            + $"m=video {videoPort} RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n");

    public static byte[] Bytes(string text) => Encoding.ASCII.GetBytes(text);

    public static string Text(ReadOnlyMemory<byte> bytes) => Encoding.ASCII.GetString(bytes.Span);

    public static SdpDocument Parse(ReadOnlyMemory<byte> bytes) =>
        SdpParser.TryParse(bytes, out var document, out var error)
            ? document
            : throw new InvalidOperationException($"test SDP does not parse: {error}");

    public static int Port(ReadOnlyMemory<byte> bytes, int media = 0) => Parse(bytes).Media[media].Port;
}
