using System.Text;
using Switchboard.Proxy.Gateways;

namespace Switchboard.Proxy.Tests.Gateways;

public sealed class SipTextMessageTests
{
    private const string Request =
        "INVITE sip:1@gw.test SIP/2.0\r\nv: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK1\r\nf: <sip:a@x.test>;tag=t1\r\n" +
        "i: c1\r\nCSeq: 7 INVITE\r\nContent-Length: 3\r\n\r\nabc";

    [Fact]
    public void Compact_names_are_found_and_the_body_survives_edits()
    {
        var message = SipTextMessage.TryParse(Encoding.ASCII.GetBytes(Request))!;

        Assert.Equal("c1", message.GetFirst("Call-ID"));
        Assert.Equal("t1", GatewayRequestEditor.TagOf(message.GetFirst("From")!));
        Assert.True(message.ShiftCSeq(2));
        Assert.True(message.ReplaceFirst("Via", "SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK2"));

        string text = Encoding.ASCII.GetString(message.ToBytes());
        Assert.Contains("CSeq: 9 INVITE\r\n", text);
        Assert.Contains("Via: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK2\r\n", text);
        Assert.EndsWith("Content-Length: 3\r\n\r\nabc", text);
    }

    [Fact]
    public void A_cseq_cannot_go_below_zero_and_a_message_without_header_end_is_refused()
    {
        var message = SipTextMessage.TryParse(Encoding.ASCII.GetBytes(Request))!;

        Assert.False(message.ShiftCSeq(-8));
        Assert.Equal((7u, "INVITE"), message.CSeq);
        Assert.Null(SipTextMessage.TryParse("INVITE sip:1@gw.test SIP/2.0\r\nCSeq: 1 INVITE\r\n"u8));
    }

    [Theory]
    [InlineData("gw.test", "GW.test", null, true)]
    [InlineData("gw.test", "gw.test", 5060, true)]
    [InlineData("gw.test:5080", "gw.test", 5080, true)]
    [InlineData("gw.test:5080", "gw.test", null, false)]
    [InlineData("[2001:db8::1]:5070", "[2001:db8::1]", 5070, true)]
    [InlineData("127.0.0.1:5090", "127.0.0.2", 5090, false)]
    public void Gateway_domains_match_host_and_port(string domain, string host, int? port, bool expected) =>
        Assert.Equal(expected, GatewayDomain.Matches(domain, host, port));
}
