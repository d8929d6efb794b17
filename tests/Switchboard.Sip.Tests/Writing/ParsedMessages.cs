using System.Buffers;
using System.Text;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Writing;
using Xunit;

namespace Switchboard.Sip.Tests.Writing;

/// <summary>Parses test messages written with "\n" line ends (turned into CRLF) and renders editor output.</summary>
internal static class ParsedMessages
{
    public const string Invite =
        "INVITE sip:bob@biloxi.com SIP/2.0\n" +
        "Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds, SIP/2.0/UDP p1.example.com;branch=z9hG4bK1\n" +
        "Via: SIP/2.0/TCP p2.example.com;branch=z9hG4bK2\n" +
        "Max-Forwards: 70\n" +
        "Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>\n" +
        "To: Bob <sip:bob@biloxi.com>\n" +
        "From: Alice <sip:alice@atlanta.com>;tag=1928301774\n" +
        "Call-ID: a84b4c76e66710@pc33.atlanta.com\n" +
        "CSeq: 314159 INVITE\n" +
        "Contact: <sip:alice@pc33.atlanta.com>\n" +
        "Content-Type: application/sdp\n" +
        "Content-Length: 5\n" +
        "\n" +
        "v=0\n";

    public static string Crlf(string text) => text.Replace("\r\n", "\n").Replace("\n", "\r\n");

    public static SipMessage Parse(string text)
    {
        var message = new SipMessage();
        bool ok = new SipParser().TryParseDatagram(Encoding.UTF8.GetBytes(Crlf(text)), message, out SipParseError error);
        Assert.True(ok, error.ToString());
        return message;
    }

    public static string Write(SipMessageEditor editor)
    {
        var buffer = new ArrayBufferWriter<byte>();
        editor.WriteTo(buffer);
        Assert.Equal(editor.Length, buffer.WrittenCount);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static SipMessageEditor Edit(SipMessage message)
    {
        var editor = new SipMessageEditor();
        editor.Reset(message);
        return editor;
    }

    public static string Values(SipMessage message, HeaderKind kind)
    {
        var values = new List<string>();
        foreach (SipHeader header in message.GetHeaders(kind))
        {
            values.Add(Encoding.UTF8.GetString(message.GetValue(header)));
        }

        return string.Join(" | ", values);
    }
}
