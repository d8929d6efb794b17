using System.Net;
using Switchboard.Contracts.Sip;
using Switchboard.Locating;
using Switchboard.Proxy.Transport;

namespace Switchboard.Proxy.Tests.Transport;

public class DnsNextHopLocatorTests
{
    [Fact]
    public async Task AddressLiteralIsUsedWithoutAskingDns()
    {
        var dns = new RecordingSipServerLocator();
        var target = await new DnsNextHopLocator(dns).LocateAsync(new NextHop("192.0.2.5", -1, null, false), default);

        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.5"), 5060), target?.Destination);
        Assert.Empty(dns.Questions);
    }

    [Fact]
    public async Task NameGoesToTheFirstLocatedTarget()
    {
        var dns = new RecordingSipServerLocator();
        dns.Answers["provider.example"] =
        [
            new SipServerTarget(SipTransport.Tcp, IPAddress.Parse("198.51.100.7"), 5080),
            new SipServerTarget(SipTransport.Udp, IPAddress.Parse("198.51.100.8"), 5060),
        ];

        var target = await new DnsNextHopLocator(dns).LocateAsync(new NextHop("Provider.Example", -1, null, false), default);

        Assert.Equal(new IPEndPoint(IPAddress.Parse("198.51.100.7"), 5080), target?.Destination);
        Assert.Equal(SipTransport.Tcp, target?.Transport);
        var question = Assert.Single(dns.Questions);
        Assert.Equal(new SipUriTarget(false, "provider.example", null, null), question);
    }

    [Fact]
    public async Task EveryLocatedTargetIsListedInOrderForFailover()
    {
        var dns = new RecordingSipServerLocator();
        dns.Answers["provider.example"] =
        [
            new SipServerTarget(SipTransport.Tcp, IPAddress.Parse("198.51.100.7"), 5080),
            new SipServerTarget(SipTransport.Udp, IPAddress.Parse("198.51.100.8"), 5060),
        ];

        var targets = await new DnsNextHopLocator(dns).LocateAllAsync(new NextHop("provider.example", -1, null, false), default);

        Assert.Equal(
            [
                SendTarget.ToAddress(new IPEndPoint(IPAddress.Parse("198.51.100.7"), 5080), SipTransport.Tcp),
                SendTarget.ToAddress(new IPEndPoint(IPAddress.Parse("198.51.100.8"), 5060), SipTransport.Udp),
            ],
            targets);
        Assert.Empty(await new DnsNextHopLocator(dns).LocateAllAsync(new NextHop("nowhere.example", -1, null, false), default));
    }

    [Fact]
    public async Task SecureHopAsksForTlsAndKeepsTheExplicitPort()
    {
        var dns = new RecordingSipServerLocator();
        await new DnsNextHopLocator(dns).LocateAsync(new NextHop("tls.example", 5071, SipTransport.Tcp, true), default);

        Assert.Equal(new SipUriTarget(true, "tls.example", 5071, SipTransport.Tls), Assert.Single(dns.Questions));
    }

    [Fact]
    public async Task UnresolvableNameGivesNoTarget()
    {
        var target = await new DnsNextHopLocator(new RecordingSipServerLocator()).LocateAsync(new NextHop("nowhere.example", -1, null, false), default);

        Assert.Null(target);
    }

    private sealed class RecordingSipServerLocator : ISipServerLocator
    {
        public Dictionary<string, IReadOnlyList<SipServerTarget>> Answers { get; } = new(StringComparer.Ordinal);

        public List<SipUriTarget> Questions { get; } = [];

        public Task<IReadOnlyList<SipServerTarget>> LocateAsync(SipUriTarget target, CancellationToken cancellationToken = default)
        {
            Questions.Add(target);
            return Task.FromResult(Answers.TryGetValue(target.Host, out var found) ? found : (IReadOnlyList<SipServerTarget>)[]);
        }
    }
}
