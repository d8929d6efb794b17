using System.Net;
using Switchboard.Contracts.Gateway;
using Switchboard.Proxy.Gateways;

namespace Switchboard.Proxy.Tests.Gateways;

public sealed class GatewaySourceTrustTests
{
    private static readonly GatewayRoutingOptions Options = new() { DirectoryRefresh = TimeSpan.FromHours(1) };

    [Fact]
    public async Task A_literal_gateway_address_is_trusted_and_others_are_not()
    {
        var trust = await TrustAsync(new RecordingHostResolver(), new GatewaySettings("pstn", "203.0.113.50:5080", "t", "p", null, 300, true));

        Assert.True(trust.IsGatewaySource(IPAddress.Parse("203.0.113.50")));
        Assert.True(trust.IsGatewaySource(IPAddress.Parse("203.0.113.50").MapToIPv6()));
        Assert.False(trust.IsGatewaySource(IPAddress.Parse("203.0.113.51")));
    }

    [Fact]
    public async Task A_gateway_host_name_is_trusted_at_its_resolved_addresses_only()
    {
        var resolver = new RecordingHostResolver();
        resolver.Hosts["sip.provider.test"] = [IPAddress.Parse("203.0.113.60"), IPAddress.Parse("2001:db8::60")];
        var trust = await TrustAsync(resolver, new GatewaySettings("pstn", "sip.provider.test", "t", "p", null, 300, true));

        Assert.True(trust.IsGatewaySource(IPAddress.Parse("203.0.113.60")));
        Assert.True(trust.IsGatewaySource(IPAddress.Parse("2001:db8::60")));
        Assert.False(trust.IsGatewaySource(IPAddress.Parse("198.51.100.7")));
        Assert.Equal(["sip.provider.test"], resolver.Asked);
    }

    [Fact]
    public async Task Unresolvable_and_disabled_gateways_trust_nobody()
    {
        var trust = await TrustAsync(
            new RecordingHostResolver(),
            new GatewaySettings("gone", "nx.provider.test", "t", "p", null, 300, true),
            new GatewaySettings("off", "203.0.113.70", "t", "p", null, 300, false));

        Assert.False(trust.IsGatewaySource(IPAddress.Parse("203.0.113.70")));
    }

    [Fact]
    public void Only_configured_dids_are_gateway_numbers()
    {
        var options = new GatewayRoutingOptions { Dids = { ["15551234"] = "bob" } };
        var trust = new GatewaySourceTrust(new GatewayCatalog(new RecordingGatewayDirectory(), options, TimeProvider.System), options);

        Assert.True(trust.IsGatewayNumber("15551234"));
        Assert.False(trust.IsGatewayNumber("bob"));
        Assert.False(trust.IsGatewayNumber(""));
    }

    private static async Task<GatewaySourceTrust> TrustAsync(RecordingHostResolver resolver, params GatewaySettings[] gateways)
    {
        var catalog = new GatewayCatalog(new RecordingGatewayDirectory(gateways), Options, TimeProvider.System);
        await catalog.RefreshAsync();
        var trust = new GatewaySourceTrust(catalog, Options, resolver.ResolveAsync);
        await trust.RefreshAsync();
        return trust;
    }
}
