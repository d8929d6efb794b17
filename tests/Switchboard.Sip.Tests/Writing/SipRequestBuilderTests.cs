using System.Text;
using Switchboard.Sip.Uris;
using Switchboard.Sip.Writing;
using Xunit;
using static Switchboard.Sip.Tests.Writing.ParsedMessages;

namespace Switchboard.Sip.Tests.Writing;

public class SipRequestBuilderTests
{
    [Fact]
    public void Writes_request_line_headers_and_matching_content_length()
    {
        SipRequestBuilder request = new SipRequestBuilder("MESSAGE", SipUri.Parse("sip:bob@biloxi.com"))
            .AddHeader("Via", "SIP/2.0/UDP proxy.example.com;branch=z9hG4bK1")
            .AddHeader("From", "<sip:alice@atlanta.com>;tag=1")
            .AddHeader("To", "<sip:bob@biloxi.com>")
            .AddHeader("Call-ID", "c1")
            .AddHeader("CSeq", "1 MESSAGE")
            .SetBody("text/plain", Encoding.UTF8.GetBytes("héllo"));

        Assert.Equal(
            Crlf(
                "MESSAGE sip:bob@biloxi.com SIP/2.0\n" +
                "Max-Forwards: 70\n" +
                "Via: SIP/2.0/UDP proxy.example.com;branch=z9hG4bK1\n" +
                "From: <sip:alice@atlanta.com>;tag=1\n" +
                "To: <sip:bob@biloxi.com>\n" +
                "Call-ID: c1\n" +
                "CSeq: 1 MESSAGE\n" +
                "Content-Type: text/plain\n" +
                "Content-Length: 6\n" +
                "\n" +
                "héllo"),
            request.ToString());
    }

    [Fact]
    public void Without_body_writes_content_length_zero_and_keeps_a_given_max_forwards()
    {
        string text = new SipRequestBuilder("OPTIONS", SipUri.Parse("sip:gw.example.net"))
            .AddHeader("Max-Forwards", "0")
            .AddHeader("Call-ID", "k")
            .ToString();

        Assert.Equal(Crlf("OPTIONS sip:gw.example.net SIP/2.0\nMax-Forwards: 0\nCall-ID: k\nContent-Length: 0\n\n"), text);
        SipMessage parsed = Parse(text);
        Assert.Equal(SipMethod.Options, parsed.Method);
    }

    [Theory]
    [InlineData("IN VITE")]
    [InlineData("A:B")]
    [InlineData("")]
    public void Rejects_bad_method_tokens(string method) =>
        Assert.ThrowsAny<ArgumentException>(() => new SipRequestBuilder(method, SipUri.Parse("sip:h")));

    [Fact]
    public void Content_length_cannot_be_set_by_hand() =>
        Assert.Throws<ArgumentException>(() => new SipRequestBuilder("OPTIONS", SipUri.Parse("sip:h")).AddHeader("l", "5"));

    [Theory]
    [InlineData("X Bad")]
    [InlineData("X-Bad:")]
    [InlineData("X\r\nVia")]
    public void Rejects_bad_header_names(string name) =>
        Assert.Throws<ArgumentException>(() => new SipRequestBuilder("OPTIONS", SipUri.Parse("sip:h")).AddHeader(name, "v"));

    [Fact]
    public void Line_breaks_in_header_values_are_dropped() =>
        Assert.Contains("\r\nSubject: ab\r\n", new SipRequestBuilder("OPTIONS", SipUri.Parse("sip:h")).AddHeader("Subject", "a\r\nb").ToString());
}
