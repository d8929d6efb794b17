using System.Buffers;
using System.Text;
using Switchboard.Sip;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Writing;

namespace Switchboard.Proxy.Tests;

/// <summary>Messages for the tests: written with "\n" line ends for readability, sent with CRLF.</summary>
internal static class TestMessages
{
    private static readonly SipParser Parser = new(null);

    public static SipMessage Parse(string text) => Parse(Encoding.UTF8.GetBytes(Crlf(text)));

    public static SipMessage Parse(ReadOnlyMemory<byte> bytes)
    {
        var message = new SipMessage();
        Assert.True(Parser.TryParseDatagram(bytes.ToArray(), message, out SipParseError error), $"unparsable: {error.Reason}\n{Text(bytes)}");
        return message;
    }

    public static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    public static string Text(SipMessage message) => Encoding.UTF8.GetString(message.Span);

    public static string Crlf(string text) => text.ReplaceLineEndings("\r\n");

    /// <summary>What a UAS answers: Via, From, To (+tag), Call-ID, CSeq copied, plus the given header lines.</summary>
    public static byte[] Response(SipMessage request, int status, string toTag, params string[] extraHeaders)
    {
        var output = new ArrayBufferWriter<byte>();
        SipMessageWriter writer = SipResponseFactory.WriteResponseHead(request, status, null, Encoding.ASCII.GetBytes(toTag), output);
        foreach (string line in extraHeaders)
        {
            int colon = line.IndexOf(':');
            writer.WriteHeader(line[..colon], line[(colon + 1)..].Trim());
        }

        writer.EndWithoutBody();
        return output.WrittenSpan.ToArray();
    }

    /// <summary>All values of a header, by its long name.</summary>
    public static List<string> Values(SipMessage message, HeaderKind kind)
    {
        var values = new List<string>();
        foreach (SipHeader header in message.GetHeaders(kind))
        {
            values.Add(Encoding.UTF8.GetString(message.GetValue(header)));
        }

        return values;
    }

    public static string RequestUri(SipMessage message) => message.GetString(message.RequestUri)!;

    public static string Invite(
        string requestUri = "sip:bob@example.com", string from = "sip:carol@example.net", string branch = "z9hG4bK-caller-1",
        string callId = "call-1@198.51.100.7", string method = "INVITE", string extra = "", int maxForwards = 70, string toTag = "") => $"""
        {method} {requestUri} SIP/2.0
        Via: SIP/2.0/UDP 198.51.100.7:5060;branch={branch}
        Max-Forwards: {maxForwards}
        From: <{from}>;tag=c1
        To: <{requestUri}>{(toTag.Length > 0 ? ";tag=" + toTag : "")}
        Call-ID: {callId}
        CSeq: 1 {method}
        Contact: <sip:carol@198.51.100.7:5060>
        {extra}Content-Length: 0


        """;
}
