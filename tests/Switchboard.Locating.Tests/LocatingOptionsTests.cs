using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Contracts.Sip;

namespace Switchboard.Locating.Tests;

/// <summary><c>Locating:NameServers</c>: the locator asks the configured DNS server instead of the system's.</summary>
public sealed class LocatingOptionsTests
{
    [Fact]
    public async Task The_locator_asks_the_configured_name_server()
    {
        using var dns = new RecordingDnsServer();
        dns.Srv("_sip._udp.provider.test", 10, 0, 5090, "trunk.provider.test").A("trunk.provider.test", "192.0.2.7");
        var services = new ServiceCollection().AddSipServerLocator();
        services.Configure<LocatingOptions>(o => o.NameServers.Add(dns.EndPoint.ToString()));
        using var provider = services.BuildServiceProvider();

        var targets = await provider.GetRequiredService<ISipServerLocator>()
            .LocateAsync(new SipUriTarget(false, "provider.test", null, null), CancellationToken.None);

        var target = Assert.Single(targets);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.7"), 5090), new IPEndPoint(target.Address, target.Port));
        Assert.Contains(("_sip._udp.provider.test", "SRV"), dns.Questions);
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1:53")]
    [InlineData("127.0.0.1:5353", "127.0.0.1:5353")]
    [InlineData("[::1]:5353", "[::1]:5353")]
    public void Name_servers_parse_with_port_53_by_default(string text, string expected) =>
        Assert.Equal(IPEndPoint.Parse(expected), Assert.Single(new LocatingOptions { NameServers = [text] }.NameServerEndPoints()));

    [Fact]
    public void A_name_server_that_is_not_an_address_is_refused_with_its_text() =>
        Assert.Contains("dns.example", Assert.Throws<InvalidOperationException>(
            () => new LocatingOptions { NameServers = ["dns.example"] }.NameServerEndPoints()).Message);
}
