using System.Net;
using DnsClient;
using Switchboard.Contracts.Gateway;
using Switchboard.Contracts.Sip;
using Switchboard.GatewayRegistrar.Gateways;
using Switchboard.GatewayRegistrar.Locating;
using Switchboard.GatewayRegistrar.Tests.Support;
using Switchboard.Locating;
using Switchboard.Locating.Tests;

namespace Switchboard.GatewayRegistrar.Tests.Locating;

/// <summary>Gateway domains located by RFC 3263 through the shared locator, against a recording DNS server.</summary>
public sealed class SipServerGatewayLocatorTests : IDisposable
{
    private readonly RecordingDnsServer _dns = new();
    private readonly List<string> _systemAsked = [];
    private readonly SipServerGatewayLocator _locator;

    public SipServerGatewayLocatorTests()
    {
        var client = new LookupClient(new LookupClientOptions(new NameServer(_dns.EndPoint.Address, _dns.EndPoint.Port))
        {
            UseCache = false,
            Timeout = TimeSpan.FromSeconds(2),
            Retries = 0,
        });
        var system = new AddressGatewayLocator((host, _) =>
        {
            _systemAsked.Add(host);
            return Task.FromResult(host == "hosts-file.test" ? new[] { IPAddress.Parse("10.9.8.7") } : []);
        });
        _locator = new SipServerGatewayLocator(new DnsSipServerLocator(client, new Random(3)), system);
    }

    public void Dispose() => _dns.Dispose();

    [Fact]
    public async Task A_provider_domain_publishing_only_srv_records_is_reached_at_its_srv_targets_in_priority_order()
    {
        _dns.Srv("_sip._udp.provider.test", 20, 0, 5070, "backup.provider.test")
            .Srv("_sip._udp.provider.test", 10, 0, 5080, "sip1.provider.test")
            .A("sip1.provider.test", "192.0.2.10")
            .A("backup.provider.test", "192.0.2.20");

        var destinations = await LocateAsync("provider.test");

        Assert.Equal(
            [new SipClientDestination("192.0.2.10", 5080, SipTransport.Udp), new SipClientDestination("192.0.2.20", 5070, SipTransport.Udp)],
            destinations);
        Assert.Contains(("_sip._udp.provider.test", "SRV"), _dns.Questions);
        Assert.Empty(_systemAsked);
    }

    [Fact]
    public async Task Naptr_chooses_the_transport()
    {
        _dns.Naptr("provider.test", 10, 10, "s", "SIP+D2T", "_sip._tcp.provider.test")
            .Srv("_sip._tcp.provider.test", 10, 0, 5060, "sip1.provider.test")
            .A("sip1.provider.test", "192.0.2.10");

        var destinations = await LocateAsync("provider.test");

        Assert.Equal([new SipClientDestination("192.0.2.10", 5060, SipTransport.Tcp)], destinations);
    }

    [Fact]
    public async Task An_explicit_port_skips_srv()
    {
        _dns.Srv("_sip._udp.provider.test", 10, 0, 5080, "sip1.provider.test")
            .A("provider.test", "192.0.2.30");

        var destinations = await LocateAsync("provider.test:5090");

        Assert.Equal([new SipClientDestination("192.0.2.30", 5090, SipTransport.Udp)], destinations);
        Assert.DoesNotContain(_dns.Questions, q => q.Type == "SRV");
    }

    [Fact]
    public async Task A_name_dns_does_not_know_is_asked_of_the_system_resolver()
    {
        var destinations = await LocateAsync("hosts-file.test");

        Assert.Equal([new SipClientDestination("10.9.8.7", 5060, SipTransport.Udp)], destinations);
        Assert.Equal(["hosts-file.test"], _systemAsked);
    }

    [Fact]
    public async Task A_literal_needs_no_dns()
    {
        var destinations = await LocateAsync("127.0.0.1:5090;transport=tcp");

        Assert.Equal([new SipClientDestination("127.0.0.1", 5090, SipTransport.Tcp)], destinations);
        Assert.Empty(_dns.Questions);
    }

    [Fact]
    public async Task The_register_goes_to_the_srv_target()
    {
        _dns.Srv("_sip._udp.provider.test", 10, 0, 5080, "sip1.provider.test").A("sip1.provider.test", "192.0.2.10");
        var harness = new LoopHarness();

        var attempt = await harness.Session(LoopHarness.Trunk(domain: "provider.test"), _locator).RegisterAsync(CancellationToken.None);

        Assert.True(attempt.Registered, attempt.Reason);
        Assert.All(harness.Client.Requests, r => Assert.Equal(new SipClientDestination("192.0.2.10", 5080, SipTransport.Udp), r.Destination));
        Assert.StartsWith("sip:provider.test", harness.Client.Requests[0].RequestUri, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<SipClientDestination>> LocateAsync(string domain)
    {
        Assert.True(GatewayAddress.TryParse(domain, out var address));
        return await _locator.LocateAsync(address);
    }
}
