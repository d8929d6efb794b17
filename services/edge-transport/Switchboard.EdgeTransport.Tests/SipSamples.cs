using System.Text;

namespace Switchboard.EdgeTransport.Tests;

internal static class SipSamples
{
    public static byte[] Options(string branch = "z9hG4bK-1", int extraBodyBytes = 0, string via = "SIP/2.0/UDP 127.0.0.1:5099;rport")
    {
        var body = new string('x', extraBodyBytes);
        var text =
            "OPTIONS sip:ping@127.0.0.1 SIP/2.0\r\n" +
            $"Via: {via};branch={branch}\r\n" +
            "Max-Forwards: 70\r\n" +
            "From: <sip:tester@127.0.0.1>;tag=abc\r\n" +
            "To: <sip:ping@127.0.0.1>\r\n" +
            $"Call-ID: {branch}@test\r\n" +
            "CSeq: 1 OPTIONS\r\n" +
            (extraBodyBytes > 0 ? "Content-Type: text/plain\r\n" : "") +
            $"Content-Length: {body.Length}\r\n\r\n" + body;
        return Encoding.ASCII.GetBytes(text);
    }
}
