using System.Net;
using Switchboard.Contracts.Media;
using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Media;

namespace Switchboard.Proxy.Tests.Media;

/// <summary>The manual's detection: a call crossing between LAN and WAN gets a relay; Force Relaying: every call.</summary>
public sealed class MediaRelayPolicyTests
{
    [Theory]
    [InlineData("10.0.0.7", "203.0.113.20", false, true)]  // LAN → WAN
    [InlineData("203.0.113.20", "10.0.0.7", false, true)]  // WAN → LAN
    [InlineData("10.0.0.7", "10.0.0.9", false, false)]     // within the LAN
    [InlineData("198.51.100.1", "203.0.113.20", false, false)] // both on the WAN
    [InlineData("10.0.0.7", "10.0.0.9", true, true)]       // Force Relaying
    public void Relays_calls_that_cross_between_lan_and_wan(string caller, string callee, bool force, bool relay)
    {
        var policy = new MediaRelayPolicy(new MediaNetworks(["10.0.0.0/8"]), force);

        MediaNetwork from = policy.CallerNetwork(ProxyHarness.Udp(caller, 5060));
        MediaNetwork to = policy.CalleeNetwork(SendTarget.ToAddress(new IPEndPoint(IPAddress.Parse(callee), 5060)));

        Assert.Equal(relay, policy.ShouldRelay(from, to));
    }

    [Fact]
    public void The_callee_network_is_that_of_its_flow_when_it_is_reached_over_one()
    {
        var policy = new MediaRelayPolicy(new MediaNetworks(["10.0.0.0/8"]), false);
        SipFlow natted = ProxyHarness.Udp("203.0.113.20", 40000); // registered from behind a NAT: reached at its public address

        Assert.Equal(MediaNetwork.Wan, policy.CalleeNetwork(SendTarget.ToFlow(natted)));
    }

    [Theory]
    [InlineData("192.168.1.20", MediaNetwork.Lan)]
    [InlineData("172.16.0.1", MediaNetwork.Lan)]
    [InlineData("127.0.0.1", MediaNetwork.Lan)]
    [InlineData("fd00::1", MediaNetwork.Lan)]
    [InlineData("::ffff:10.1.2.3", MediaNetwork.Lan)]
    [InlineData("8.8.8.8", MediaNetwork.Wan)]
    [InlineData("2001:db8::1", MediaNetwork.Wan)]
    public void Without_configured_ranges_the_private_ranges_are_the_lan(string address, MediaNetwork expected) =>
        Assert.Equal(expected, new MediaNetworks([]).Classify(IPAddress.Parse(address)));

    [Fact]
    public void A_bad_lan_range_fails_validation()
    {
        var options = new ProxyOptions();
        options.Media.LanNetworks = ["10.0.0.0/99"];

        Assert.Throws<FormatException>(options.Validate);
    }
}
