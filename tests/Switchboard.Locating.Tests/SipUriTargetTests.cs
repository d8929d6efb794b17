using Switchboard.Locating;
using Switchboard.Contracts.Sip;

namespace Switchboard.Locating.Tests;

public class SipUriTargetTests
{
    [Theory]
    [InlineData("sip:alice@example.com", false, "example.com", null, null)]
    [InlineData("sips:Example.COM:5071", true, "example.com", 5071, null)]
    [InlineData("<sip:bob@host.example;transport=TCP;lr>", false, "host.example", null, SipTransport.Tcp)]
    [InlineData("sips:bob@host.example;transport=tcp", true, "host.example", null, SipTransport.Tls)]
    [InlineData("sip:[2001:db8::1]:5080", false, "[2001:db8::1]", 5080, null)]
    [InlineData("sip:bob@ignored.example;maddr=10.0.0.9?subject=x", false, "10.0.0.9", null, null)]
    public void ParsesWhatRfc3263Needs(string uri, bool secure, string host, int? port, SipTransport? transport)
    {
        Assert.True(SipUriTarget.TryParse(uri, out var target));
        Assert.Equal(new SipUriTarget(secure, host, port, transport), target);
    }

    [Theory]
    [InlineData("")]
    [InlineData("http://example.com")]
    [InlineData("sip:host:99999")]
    [InlineData("sip:host:abc")]
    [InlineData("sip:host;transport=carrier-pigeon")]
    [InlineData("sips:host;transport=udp")]
    public void RejectsUnusableUris(string uri) => Assert.False(SipUriTarget.TryParse(uri, out _));
}
