using System.Text;

namespace Switchboard.Sip.Tests;

/// <summary>Canned messages written with "\n" line ends, turned into CRLF bytes.</summary>
internal static class TestMessages
{
    public const string Invite =
        "INVITE sip:bob@biloxi.example.com SIP/2.0\n" +
        "Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds;rport\n" +
        "Max-Forwards: 70\n" +
        "To: Bob <sip:bob@biloxi.example.com>\n" +
        "From: Alice <sip:alice@atlanta.example.com>;tag=1928301774\n" +
        "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\n" +
        "CSeq: 314159 INVITE\n" +
        "Contact: <sip:alice@pc33.atlanta.example.com>\n" +
        "Content-Type: application/sdp\n" +
        "Content-Length: 5\n" +
        "\n" +
        "v=0\n";

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(Crlf(text));

    public static string Crlf(string text) => text.Replace("\r\n", "\n").Replace("\n", "\r\n");
}
