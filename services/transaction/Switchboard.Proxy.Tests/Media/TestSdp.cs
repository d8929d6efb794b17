namespace Switchboard.Proxy.Tests.Media;

/// <summary>SDP bodies and SIP messages that carry them.</summary>
internal static class TestSdp
{
    public static string Create(string address, int port) =>
        $"v=0\r\no=- 1 1 IN IP4 {address}\r\ns=-\r\nc=IN IP4 {address}\r\nt=0 0\r\nm=audio {port} RTP/AVP 0\r\na=sendrecv\r\n";

    /// <summary>An INVITE (or another method) from 10.0.0.7, with <paramref name="sdp"/> as its body when given.</summary>
    public static string Request(
        string method = "INVITE", string requestUri = "sip:bob@example.com", string? sdp = null, string callId = "media-1@10.0.0.7",
        string fromTag = "c1", string toTag = "", int cseq = 1, string via = "SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bK-media-1",
        string extra = "")
    {
        string body = sdp ?? "";
        string type = sdp is null ? "" : "Content-Type: application/sdp\r\n";
        return $"{method} {requestUri} SIP/2.0\r\nVia: {via}\r\nMax-Forwards: 70\r\n"
            + $"From: <sip:carol@example.com>;tag={fromTag}\r\nTo: <sip:bob@example.com>{(toTag.Length > 0 ? ";tag=" + toTag : "")}\r\n"
            + $"Call-ID: {callId}\r\nCSeq: {cseq} {method}\r\nContact: <sip:carol@10.0.0.7:5060>\r\n{extra}{type}"
            + $"Content-Length: {body.Length}\r\n\r\n{body}";
    }

    /// <summary>The far end's response to a forwarded request, with an SDP body when given and extra headers.</summary>
    public static byte[] Response(Switchboard.Sip.SipMessage request, int status, string toTag, string? sdp, params string[] extraHeaders)
    {
        byte[] head = TestMessages.Response(request, status, toTag, sdp is null ? extraHeaders : [.. extraHeaders, "Content-Type: application/sdp"]);
        if (sdp is null)
        {
            return head;
        }

        string text = TestMessages.Text(head);
        int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        string headers = string.Join("\r\n", text[..end].Split("\r\n").Where(l => !l.StartsWith("Content-Length", StringComparison.OrdinalIgnoreCase)));
        return System.Text.Encoding.ASCII.GetBytes($"{headers}\r\nContent-Length: {sdp.Length}\r\n\r\n{sdp}");
    }

    /// <summary>The body of a message as text, after checking that Content-Length matches it.</summary>
    public static string Body(Switchboard.Sip.SipMessage message)
    {
        string body = message.GetString(message.Body) ?? "";
        List<string> lengths = TestMessages.Values(message, Switchboard.Sip.HeaderKind.ContentLength);
        Assert.Equal(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(lengths));
        return body;
    }
}
