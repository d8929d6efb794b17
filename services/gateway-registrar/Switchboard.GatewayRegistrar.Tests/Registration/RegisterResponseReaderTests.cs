using Switchboard.Contracts.Gateway;
using Switchboard.GatewayRegistrar.Registration;

namespace Switchboard.GatewayRegistrar.Tests.Registration;

public sealed class RegisterResponseReaderTests
{
    private const string Ours = "sip:trunk@198.51.100.7:5060";

    [Theory]
    [InlineData("<sip:trunk@198.51.100.7:5060>;expires=300", 300)]
    [InlineData("\"PBX, main\" <sip:trunk@198.51.100.7:5060;transport=udp>;expires=301", 3600)] // different URI: not ours
    [InlineData("<SIP:trunk@198.51.100.7:5060>;Expires=302", 302)]
    [InlineData("sip:trunk@198.51.100.7:5060;expires=303", 303)]
    public void Finds_our_contacts_expiry_among_others(string contact, int expected)
    {
        var response = SipClientResponse.Final(200, "OK",
        [
            new("Contact", "<sip:desk@192.0.2.50>;expires=77"),
            new("Contact", contact),
            new("Expires", "3600"),
        ]);

        Assert.Equal(TimeSpan.FromSeconds(expected), RegisterResponseReader.GrantedExpiry(response, Ours, 7200));
    }

    [Fact]
    public void A_lone_rewritten_contact_counts_as_ours_and_no_information_means_what_was_asked()
    {
        var rewritten = SipClientResponse.Final(200, "OK", [new("Contact", "<sip:trunk@203.0.113.9:40000>;expires=90")]);
        var bare = SipClientResponse.Final(200, "OK", []);

        Assert.Equal(TimeSpan.FromSeconds(90), RegisterResponseReader.GrantedExpiry(rewritten, Ours, 3600));
        Assert.Equal(TimeSpan.FromSeconds(3600), RegisterResponseReader.GrantedExpiry(bare, Ours, 3600));
    }

    [Theory]
    [InlineData("120", 120)]
    [InlineData("120 (maintenance)", 120)]
    [InlineData("30;duration=60", 30)]
    [InlineData("soon", null)]
    public void Reads_retry_after_seconds(string value, int? expected)
    {
        var response = SipClientResponse.Final(503, "Service Unavailable", [new("Retry-After", value)]);
        Assert.Equal(expected is { } s ? TimeSpan.FromSeconds(s) : null, RegisterResponseReader.RetryAfter(response));
    }
}
