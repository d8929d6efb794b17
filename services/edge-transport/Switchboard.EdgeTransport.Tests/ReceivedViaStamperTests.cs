using System.Net;
using System.Text;
using Switchboard.Sip;
using Switchboard.Sip.Parsing;

namespace Switchboard.EdgeTransport.Tests;

/// <summary>RFC 3261 §18.2.1 received and RFC 3581 rport, written into the top Via at the edge.</summary>
public sealed class ReceivedViaStamperTests
{
    [Theory]
    [InlineData("SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bK-1", "SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bK-1")]
    [InlineData("SIP/2.0/UDP phone.example.com;branch=z9hG4bK-1", "SIP/2.0/UDP phone.example.com;branch=z9hG4bK-1;received=127.0.0.1")]
    [InlineData("SIP/2.0/UDP 10.0.0.2:5060;rport;branch=z9hG4bK-1", "SIP/2.0/UDP 10.0.0.2:5060;rport=4242;branch=z9hG4bK-1;received=127.0.0.1")]
    [InlineData("SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK-1;rport", "SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK-1;rport=4242;received=127.0.0.1")]
    [InlineData("SIP/2.0/UDP 10.0.0.2;received=10.9.9.9;rport=1;branch=z9hG4bK-1", "SIP/2.0/UDP 10.0.0.2;received=127.0.0.1;rport=4242;branch=z9hG4bK-1")]
    public void Top_via_gets_received_and_rport(string via, string expected)
    {
        var request = Encoding.ASCII.GetBytes(
            $"OPTIONS sip:a@b SIP/2.0\r\nVia: {via}\r\nVia: SIP/2.0/UDP other:5060;branch=z9hG4bK-2\r\n" +
            "From: <sip:x@y>;tag=1\r\nTo: <sip:a@b>\r\nCall-ID: c\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
        var message = new SipMessage();
        Assert.True(new SipParser().TryParseDatagram(request, message, out _));

        var stamped = new ReceivedViaStamper().Stamp(message, new IPEndPoint(IPAddress.Loopback, 4242));

        var text = Encoding.ASCII.GetString(stamped.Span);
        Assert.Contains($"Via: {expected}\r\nVia: SIP/2.0/UDP other:5060;branch=z9hG4bK-2\r\n", text);
        var reparsed = new SipMessage();
        Assert.True(new SipParser().TryParseDatagram(stamped.ToArray(), reparsed, out _));
    }
}
