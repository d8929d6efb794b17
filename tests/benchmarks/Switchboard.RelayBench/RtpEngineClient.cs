using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.RelayBench;

/// <summary>
/// Just enough of rtpengine's NG control protocol (bencoded dictionaries over UDP, "cookie dict") to set up a relayed
/// call for the comparison run: offer and answer with call-id, tags and SDP; the reply's "sdp" is read back.
/// </summary>
internal sealed class RtpEngineClient : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private int _cookie;

    public RtpEngineClient(IPEndPoint control)
    {
        _socket.Connect(control);
        _socket.ReceiveTimeout = 3000;
    }

    public string Offer(string callId, string fromTag, string sdp) =>
        Call(("command", "offer"), ("call-id", callId), ("from-tag", fromTag), ("sdp", sdp));

    public string Answer(string callId, string fromTag, string toTag, string sdp) =>
        Call(("command", "answer"), ("call-id", callId), ("from-tag", fromTag), ("to-tag", toTag), ("sdp", sdp));

    public void Delete(string callId)
    {
        try
        {
            Call(("command", "delete"), ("call-id", callId));
        }
        catch (Exception e) when (e is InvalidOperationException or SocketException)
        {
            // Best effort: rtpengine times the call out anyway.
        }
    }

    private string Call(params (string Key, string Value)[] entries)
    {
        // rtpengine answers a repeated cookie from its cache (retransmission handling): unique per process and call.
        var cookie = $"{Environment.ProcessId}-{Environment.TickCount64}-{++_cookie}";
        var message = new StringBuilder(cookie).Append(" d");
        foreach (var (key, value) in entries)
            message.Append(Encoding.UTF8.GetByteCount(key)).Append(':').Append(key).Append(Encoding.UTF8.GetByteCount(value)).Append(':').Append(value);
        _socket.Send(Encoding.UTF8.GetBytes(message.Append('e').ToString()));
        var buffer = new byte[65536];
        var reply = Encoding.UTF8.GetString(buffer, 0, _socket.Receive(buffer));
        if (!reply.StartsWith(cookie + " ", StringComparison.Ordinal) || !reply.Contains("6:result2:ok", StringComparison.Ordinal))
            throw new InvalidOperationException($"rtpengine: {reply}");
        return reply.Contains("3:sdp", StringComparison.Ordinal) ? ReadString(reply, "3:sdp") : "";
    }

    // The value after a bencoded key: "<len>:<bytes>" (ASCII SDP, so chars = bytes).
    private static string ReadString(string reply, string key)
    {
        var at = reply.IndexOf(key, StringComparison.Ordinal) + key.Length;
        var colon = reply.IndexOf(':', at);
        var length = int.Parse(reply.AsSpan(at, colon - at), System.Globalization.CultureInfo.InvariantCulture);
        return reply.Substring(colon + 1, length);
    }

    public void Dispose() => _socket.Dispose();
}
