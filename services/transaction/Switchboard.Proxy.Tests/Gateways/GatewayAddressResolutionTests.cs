using Switchboard.Contracts.Gateway;
using Switchboard.Contracts.Routing;
using Switchboard.Proxy.Gateways;
using Switchboard.Proxy.Tests.Doubles;

namespace Switchboard.Proxy.Tests.Gateways;

public sealed class GatewayAddressResolutionTests
{
    private static readonly GatewaySettings Provider = new("pstn", "gw.provider.test:5080", "trunk", "trunkpw", null, 300, true);

    [Fact]
    public async Task A_router_record_naming_a_gateway_becomes_the_number_at_the_gateway_domain()
    {
        var router = new RecordingRouter();
        router.Accounts["95550100@example.com"] = AddressResolution.ToGateway("PSTN", "0115550100");
        var options = new GatewayRoutingOptions { DirectoryRefresh = TimeSpan.FromHours(1) };
        var catalog = new GatewayCatalog(new RecordingGatewayDirectory(), options, TimeProvider.System);
        await catalog.RefreshAsync(); // read (empty) just now: only Remember can add the gateway before the next read
        var resolution = new GatewayAddressResolution(router, new RecordingGatewayDirectory(Provider), options, catalog);

        var result = await resolution.ResolveAsync("95550100", "example.com");

        Assert.Equal(AddressResolutionKind.Gateway, result.Kind);
        Assert.Equal("sip:0115550100@gw.provider.test:5080", result.Uri);
        Assert.Same(Provider, catalog.Match("gw.provider.test", 5080)); // the forwarding path sees it at once
    }

    [Fact]
    public async Task An_unknown_gateway_is_a_404()
    {
        var router = new RecordingRouter();
        router.Accounts["95550100@example.com"] = AddressResolution.ToGateway("nope", "0115550100");
        var resolution = new GatewayAddressResolution(router, new RecordingGatewayDirectory(Provider), new GatewayRoutingOptions());

        var result = await resolution.ResolveAsync("95550100", "example.com");

        Assert.Equal((AddressResolutionKind.Rejected, 404), (result.Kind, result.StatusCode));
    }

    [Fact]
    public async Task A_did_number_resolves_as_the_account_it_maps_to()
    {
        var router = new RecordingRouter().AddAccount("alice");
        var options = new GatewayRoutingOptions { Dids = { ["4930123"] = "alice", ["4930124"] = "alice@example.com" } };
        var resolution = new GatewayAddressResolution(router, new RecordingGatewayDirectory(Provider), options);

        Assert.Equal("sip:alice@example.com", (await resolution.ResolveAsync("4930123", "example.com")).AddressOfRecord);
        Assert.Equal("sip:alice@example.com", (await resolution.ResolveAsync("4930124", "other.test")).AddressOfRecord);
        Assert.Equal(404, (await resolution.ResolveAsync("4930125", "example.com")).StatusCode);
    }
}
