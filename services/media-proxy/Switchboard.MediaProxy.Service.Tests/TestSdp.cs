using System.Text;
using System.Text.RegularExpressions;

namespace Switchboard.MediaProxy.Service.Tests;

/// <summary>Real SDP bodies (RFC 4566) and the two fields the tests read back.</summary>
internal static partial class TestSdp
{
    public static byte[] Audio(int port, string user = "alice", string address = "127.0.0.1") => Encoding.ASCII.GetBytes(
        $"v=0\r\no={user} 2890844526 2890844526 IN IP4 {address}\r\ns=-\r\nc=IN IP4 {address}\r\nt=0 0\r\n"
        + $"m=audio {port} RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n"
        + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\na=sendrecv\r\n");

    public static int AudioPort(ReadOnlyMemory<byte> sdp) =>
        int.Parse(AudioLine().Match(Encoding.ASCII.GetString(sdp.Span)) is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException("no m=audio line in: " + Encoding.ASCII.GetString(sdp.Span)));

    public static string Connection(ReadOnlyMemory<byte> sdp) =>
        ConnectionLine().Match(Encoding.ASCII.GetString(sdp.Span)) is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException("no c= line");

    [GeneratedRegex(@"^m=audio (\d+) ", RegexOptions.Multiline)]
    private static partial Regex AudioLine();

    [GeneratedRegex(@"^c=IN IP4 (\S+)\r?$", RegexOptions.Multiline)]
    private static partial Regex ConnectionLine();
}
