using Switchboard.Contracts.Gateway;
using Switchboard.Proxy.Gateways;
using Switchboard.Contracts.Sip;

namespace Switchboard.Proxy.Tests.Gateways;

/// <summary>Issue 8: the gateway's own addresses reach local users (DIDs too) without a 407; others claiming it do not.</summary>
public sealed class GatewayInboundTrustTests
{
    private static readonly GatewaySettings Provider = new("pstn", "203.0.113.50:5080", "trunk", "trunkpw", null, 300, true);
    private static readonly SipFlow FromGateway = ProxyHarness.Udp("203.0.113.50", 5080);
    private static readonly SipFlow Elsewhere = ProxyHarness.Udp("198.51.100.99", 5080);

    private static async Task<ProxyHarness> HarnessAsync()
    {
        var harness = new ProxyHarness();
        harness.Router.AddAccount("bob").AddAccount("alice");
        harness.Registrar.Add("sip:bob@example.com", "sip:bob@203.0.113.20:5070");
        var options = new GatewayRoutingOptions { DirectoryRefresh = TimeSpan.FromHours(1), Dids = { ["15551234"] = "bob" } };
        var directory = new RecordingGatewayDirectory(Provider);
        var catalog = new GatewayCatalog(directory, options, TimeProvider.System);
        await catalog.RefreshAsync();
        var trust = new GatewaySourceTrust(catalog, options, new RecordingHostResolver().ResolveAsync);
        await trust.RefreshAsync();
        harness.GatewayTrust = trust;
        harness.Resolution = new GatewayAddressResolution(harness.Router, directory, options, catalog);
        return harness;
    }

    [Fact]
    public async Task A_did_call_from_the_gateway_reaches_the_mapped_account_without_a_challenge()
    {
        var harness = await HarnessAsync();

        var (_, upstream) = await harness.SendAsync(
            TestMessages.Invite(requestUri: "sip:15551234@example.com", from: "sip:+12125550100@example.com"), FromGateway);

        Assert.Empty(upstream.Responses);
        var started = Assert.Single(harness.Transport.Started);
        Assert.StartsWith("INVITE sip:bob@203.0.113.20:5070 ", started.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_call_from_elsewhere_claiming_a_local_caller_is_challenged()
    {
        var harness = await HarnessAsync();

        var (_, upstream) = await harness.SendAsync(
            TestMessages.Invite(requestUri: "sip:15551234@example.com", from: "sip:+12125550100@example.com"), Elsewhere);

        Assert.Equal(407, Assert.Single(upstream.Responses).StatusCode);
        Assert.Empty(harness.Transport.Started);
    }

    [Fact]
    public async Task A_did_call_from_elsewhere_claiming_the_gateway_is_refused()
    {
        var harness = await HarnessAsync();

        var (_, upstream) = await harness.SendAsync(
            TestMessages.Invite(requestUri: "sip:15551234@example.com", from: "sip:+12125550100@203.0.113.50:5080"), Elsewhere);

        Assert.Equal(403, Assert.Single(upstream.Responses).StatusCode);
        Assert.Empty(harness.Transport.Started);
    }

    [Fact]
    public async Task The_gateway_cannot_relay_to_foreign_destinations()
    {
        var harness = await HarnessAsync();

        var (_, upstream) = await harness.SendAsync(TestMessages.Invite(requestUri: "sip:someone@elsewhere.test"), FromGateway);

        Assert.Equal(403, Assert.Single(upstream.Responses).StatusCode);
    }
}
