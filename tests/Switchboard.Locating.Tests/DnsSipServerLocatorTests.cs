using System.Net;
using DnsClient;
using Switchboard.Locating;
using Switchboard.Contracts.Sip;

namespace Switchboard.Locating.Tests;

public sealed class DnsSipServerLocatorTests : IDisposable
{
    private readonly RecordingDnsServer _dns = new();
    private readonly DnsSipServerLocator _locator;

    public DnsSipServerLocatorTests()
    {
        var client = new LookupClient(new LookupClientOptions(new NameServer(_dns.EndPoint.Address, _dns.EndPoint.Port))
        {
            UseCache = false,
            Timeout = TimeSpan.FromSeconds(2),
            Retries = 0,
        });
        _locator = new DnsSipServerLocator(client, new Random(7));
    }

    public void Dispose() => _dns.Dispose();

    [Fact]
    public async Task NaptrThenSrvThenAddresses()
    {
        _dns.Naptr("example.com", 50, 50, "s", "SIP+D2U", "_sip._udp.example.com")
            .Naptr("example.com", 10, 50, "s", "SIP+D2T", "_sip._tcp.example.com")
            .Naptr("example.com", 10, 60, "s", "SIPS+D2T", "_sips._tcp.example.com")
            .Naptr("example.com", 5, 10, "s", "FAX+D2X", "_fax.example.com")
            .Srv("_sip._tcp.example.com", 20, 0, 5070, "backup.example.com")
            .Srv("_sip._tcp.example.com", 10, 0, 5060, "primary.example.com")
            .Srv("_sips._tcp.example.com", 10, 0, 5061, "primary.example.com")
            .Srv("_sip._udp.example.com", 10, 0, 5060, "primary.example.com")
            .A("primary.example.com", "192.0.2.1")
            .Aaaa("primary.example.com", "2001:db8::1")
            .A("backup.example.com", "192.0.2.2");

        var targets = await Locate("sip:alice@example.com");

        Assert.Equal(new[]
        {
            "TCP 192.0.2.1:5060", "TCP [2001:db8::1]:5060", "TCP 192.0.2.2:5070",
            "TLS 192.0.2.1:5061", "TLS [2001:db8::1]:5061",
            "UDP 192.0.2.1:5060", "UDP [2001:db8::1]:5060",
        }, targets);
        Assert.Equal(("example.com", "NAPTR"), _dns.Questions[0]);
        Assert.DoesNotContain(_dns.Questions, q => q.Name.StartsWith("_fax", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SipsUsesOnlyTlsNaptrRecords()
    {
        _dns.Naptr("secure.example", 10, 10, "s", "SIP+D2U", "_sip._udp.secure.example")
            .Naptr("secure.example", 20, 10, "s", "SIPS+D2T", "_sips._tcp.secure.example")
            .Srv("_sip._udp.secure.example", 10, 0, 5060, "sip.secure.example")
            .Srv("_sips._tcp.secure.example", 10, 0, 5061, "sip.secure.example")
            .A("sip.secure.example", "198.51.100.7");

        Assert.Equal(new[] { "TLS 198.51.100.7:5061" }, await Locate("sips:bob@secure.example"));
        Assert.DoesNotContain(_dns.Questions, q => q.Name.StartsWith("_sip._udp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutNaptrEveryTransportIsTriedBySrv()
    {
        _dns.Srv("_sip._tcp.srvonly.example", 10, 0, 5080, "tcp.srvonly.example")
            .Srv("_sips._tcp.srvonly.example", 10, 0, 5081, "tcp.srvonly.example")
            .A("tcp.srvonly.example", "203.0.113.5");

        var targets = await Locate("sip:srvonly.example");

        Assert.Equal(new[] { "TCP 203.0.113.5:5080", "TLS 203.0.113.5:5081" }, targets);
        Assert.Equal(
            new[] { "NAPTR srvonly.example", "SRV _sip._udp.srvonly.example", "SRV _sip._tcp.srvonly.example" },
            _dns.Questions.Take(3).Select(q => $"{q.Type} {q.Name}"));
    }

    [Fact]
    public async Task WithoutNaptrOrSrvTheHostIsUsedOnTheDefaultPort()
    {
        _dns.A("plain.example", "203.0.113.9").Aaaa("plain.example", "2001:db8::9");

        Assert.Equal(new[] { "UDP 203.0.113.9:5060", "UDP [2001:db8::9]:5060" }, await Locate("sip:carol@plain.example"));
        Assert.Equal(new[] { "TLS 203.0.113.9:5061", "TLS [2001:db8::9]:5061" }, await Locate("sips:carol@plain.example"));
    }

    [Fact]
    public async Task ExplicitPortSkipsNaptrAndSrv()
    {
        _dns.Naptr("ported.example", 10, 10, "s", "SIP+D2T", "_sip._tcp.ported.example")
            .A("ported.example", "192.0.2.50");

        Assert.Equal(new[] { "UDP 192.0.2.50:5099" }, await Locate("sip:dave@ported.example:5099"));
        Assert.Equal(new[] { "TCP 192.0.2.50:5099" }, await Locate("sip:dave@ported.example:5099;transport=tcp"));
        Assert.All(_dns.Questions, q => Assert.Contains(q.Type, new[] { "A", "AAAA" }));
    }

    [Fact]
    public async Task TransportParameterSelectsTheSrvRecord()
    {
        _dns.Naptr("tp.example", 10, 10, "s", "SIP+D2U", "_sip._udp.tp.example")
            .Srv("_sip._tcp.tp.example", 10, 0, 5062, "host.tp.example")
            .A("host.tp.example", "192.0.2.60");

        Assert.Equal(new[] { "TCP 192.0.2.60:5062" }, await Locate("sip:tp.example;transport=tcp"));
        Assert.DoesNotContain(_dns.Questions, q => q.Type == "NAPTR");
    }

    [Fact]
    public async Task NumericHostNeedsNoDns()
    {
        Assert.Equal(new[] { "UDP 10.1.2.3:5060" }, await Locate("sip:eve@10.1.2.3"));
        Assert.Equal(new[] { "TLS 10.1.2.3:5061" }, await Locate("sips:eve@10.1.2.3"));
        Assert.Equal(new[] { "TCP [2001:db8::5]:5070" }, await Locate("sip:[2001:db8::5]:5070;transport=tcp"));
        Assert.Empty(_dns.Questions);
    }

    [Fact]
    public async Task UnknownNameGivesNoTargets()
    {
        Assert.Empty(await Locate("sip:nobody@nowhere.example"));
        Assert.Contains(_dns.Questions, q => q == ("nowhere.example", "AAAA"));
    }

    private async Task<string[]> Locate(string uri)
    {
        Assert.True(SipUriTarget.TryParse(uri, out var target), uri);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var targets = await _locator.LocateAsync(target!, timeout.Token);
        return [.. targets.Select(t => t.ToString())];
    }
}
