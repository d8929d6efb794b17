using Switchboard.Router.Addressing;
using Xunit;

namespace Switchboard.Router.Tests.Addressing;

public class SipAddressTests
{
    [Theory]
    [InlineData("alice@Example.COM", "alice", "example.com")]
    [InlineData("sip:Alice@example.com:5060;transport=tcp", "Alice", "example.com")]
    [InlineData("<sips:bob@[2001:db8::1]:5061>", "bob", "[2001:db8::1]")]
    [InlineData("sip:+4930123@gw.example?subject=hi", "+4930123", "gw.example")]
    [InlineData("9123", "9123", "")]
    [InlineData("sip:example.com", "", "example.com")]
    public void Parses(string text, string user, string domain)
    {
        Assert.True(SipAddress.TryParse(text, out var address));
        Assert.Equal(new SipAddress(user, domain), address);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("two words")]
    [InlineData("user@")]
    [InlineData("tel:+123")]
    [InlineData("a b@example.com")]
    public void RejectsNonAddresses(string? text) => Assert.False(SipAddress.TryParse(text, out _));

    [Fact]
    public void PrintsAsUserAtDomain()
    {
        Assert.Equal("alice@example.com", SipAddress.Parse("sip:alice@EXAMPLE.com").ToString());
        Assert.Equal("9123", SipAddress.Parse("9123").ToString());
        Assert.Throws<FormatException>(() => SipAddress.Parse("a b"));
    }
}
