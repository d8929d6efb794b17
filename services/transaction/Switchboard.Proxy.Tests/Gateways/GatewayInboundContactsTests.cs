using Switchboard.Contracts.Gateway;
using Switchboard.Contracts.Routing;
using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Gateways;
using Switchboard.Proxy.Tests.Doubles;

namespace Switchboard.Proxy.Tests.Gateways;

/// <summary>Issue 8: a call from the gateway to the Contact it holds for us goes to the gateway's inbound account.</summary>
public sealed class GatewayInboundContactsTests
{
    private static readonly GatewaySettings Provider = new("pstn", "203.0.113.50:5080", "trunk", "trunkpw", null, 300, true);
    private static readonly GatewaySettings Second = new("second", "203.0.113.51", "acct", "pw", "<sip:+4930123;npdi@192.0.2.1:5060>", 300, true);
    private static readonly SipFlow FromGateway = ProxyHarness.Udp("203.0.113.50", 5080);
    private static readonly SipFlow Elsewhere = ProxyHarness.Udp("198.51.100.99", 5080);

    [Theory]
    [InlineData(null, "trunk")]
    [InlineData("sip:in-trunk@192.0.2.1:5060;transport=udp", "in-trunk")]
    [InlineData("<sip:%2B4930@192.0.2.1>", "+4930")]
    [InlineData("sip:192.0.2.1:5060", "")]
    public void The_contact_user_is_the_contacts_user_part_or_the_registration_username(string? contact, string expected)
    {
        Assert.Equal(expected, GatewayInboundContacts.ContactUser(Provider with { Contact = contact }));
    }

    [Fact]
    public async Task Only_gateways_with_an_inbound_account_map_their_contact_user()
    {
        var options = Options();
        var catalog = await CatalogAsync(options, Provider, Second);
        var contacts = new GatewayInboundContacts(catalog, options);

        Assert.True(contacts.TryGetAccount("trunk", out string account));
        Assert.Equal("alice", account);
        Assert.False(contacts.TryGetAccount("+4930123", out _)); // "second" has no inbound account
        Assert.False(contacts.TryGetAccount("alice", out _));
    }

    [Fact]
    public async Task A_call_to_the_contact_user_resolves_as_the_inbound_account()
    {
        var options = Options();
        options.InboundAccounts["SECOND"] = "bob@example.com"; // gateway names are case-insensitive
        var catalog = await CatalogAsync(options, Provider, Second);
        var router = new RecordingRouter().AddAccount("alice").AddAccount("bob");
        var resolution = new GatewayAddressResolution(router, new RecordingGatewayDirectory(Provider, Second), options, catalog);

        Assert.Equal("sip:alice@example.com", (await resolution.ResolveAsync("trunk", "example.com")).AddressOfRecord);
        Assert.Equal("sip:bob@example.com", (await resolution.ResolveAsync("+4930123", "other.test")).AddressOfRecord);
        Assert.Equal(AddressResolutionKind.Rejected, (await resolution.ResolveAsync("acct", "example.com")).Kind);
    }

    [Fact]
    public async Task The_first_call_after_a_start_reads_the_gateways_before_resolving()
    {
        var options = Options();
        var catalog = new GatewayCatalog(new RecordingGatewayDirectory(Provider), options, TimeProvider.System); // never read
        var resolution = new GatewayAddressResolution(new RecordingRouter().AddAccount("alice"), new RecordingGatewayDirectory(Provider), options, catalog);

        Assert.Equal("sip:alice@example.com", (await resolution.ResolveAsync("trunk", "example.com")).AddressOfRecord);
    }

    [Fact]
    public async Task The_gateway_calling_its_contact_rings_the_inbound_account_without_a_challenge()
    {
        var harness = await HarnessAsync();

        var (_, upstream) = await harness.SendAsync(
            TestMessages.Invite(requestUri: "sip:trunk@example.com", from: "sip:+12125550100@example.com"), FromGateway);

        Assert.Empty(upstream.Responses);
        var started = Assert.Single(harness.Transport.Started);
        Assert.StartsWith("INVITE sip:alice@203.0.113.20:5070 ", started.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sip:+12125550100@example.com", 407)] // claims a local caller: must authenticate
    [InlineData("sip:+12125550100@203.0.113.50:5080", 403)] // claims the gateway: refused
    public async Task Others_calling_the_gateway_contact_are_challenged_or_refused(string from, int status)
    {
        var harness = await HarnessAsync();

        var (_, upstream) = await harness.SendAsync(TestMessages.Invite(requestUri: "sip:trunk@example.com", from: from), Elsewhere);

        Assert.Equal(status, Assert.Single(upstream.Responses).StatusCode);
        Assert.Empty(harness.Transport.Started);
    }

    private static GatewayRoutingOptions Options() => new()
    {
        DirectoryRefresh = TimeSpan.FromHours(1),
        InboundAccounts = { ["pstn"] = "alice" },
    };

    private static async Task<GatewayCatalog> CatalogAsync(GatewayRoutingOptions options, params GatewaySettings[] gateways)
    {
        var catalog = new GatewayCatalog(new RecordingGatewayDirectory(gateways), options, TimeProvider.System);
        await catalog.RefreshAsync();
        return catalog;
    }

    private static async Task<ProxyHarness> HarnessAsync()
    {
        var harness = new ProxyHarness();
        harness.Router.AddAccount("alice");
        harness.Registrar.Add("sip:alice@example.com", "sip:alice@203.0.113.20:5070");
        var options = Options();
        var catalog = await CatalogAsync(options, Provider);
        var trust = new GatewaySourceTrust(catalog, options, new RecordingHostResolver().ResolveAsync);
        await trust.RefreshAsync();
        harness.GatewayTrust = trust;
        harness.Resolution = new GatewayAddressResolution(harness.Router, new RecordingGatewayDirectory(Provider), options, catalog);
        return harness;
    }
}
