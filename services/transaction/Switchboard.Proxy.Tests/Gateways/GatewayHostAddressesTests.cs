using System.Net;
using Switchboard.Contracts.Gateway;
using Switchboard.Contracts.Sip;
using Switchboard.Locating;
using Switchboard.Proxy.Gateways;

namespace Switchboard.Proxy.Tests.Gateways;

public sealed class GatewayHostAddressesTests
{
    [Fact]
    public async Task A_provider_known_only_by_srv_is_trusted_at_its_srv_targets()
    {
        var locator = new RecordingServerLocator();
        locator.Answers["provider.test"] =
        [
            new SipServerTarget(SipTransport.Udp, IPAddress.Parse("192.0.2.10"), 5080),
            new SipServerTarget(SipTransport.Tcp, IPAddress.Parse("192.0.2.11"), 5060),
        ];
        var system = new RecordingHostResolver(); // the bare name has no A record: a SocketException
        var options = new GatewayRoutingOptions { DirectoryRefresh = TimeSpan.FromHours(1) };
        var catalog = new GatewayCatalog(
            new RecordingGatewayDirectory(new GatewaySettings("pstn", "provider.test", "t", "p", null, 300, true)), options, TimeProvider.System);
        await catalog.RefreshAsync();
        var trust = new GatewaySourceTrust(catalog, options, new GatewayHostAddresses(locator, system.ResolveAsync).ResolveAsync);

        await trust.RefreshAsync();

        Assert.True(trust.IsGatewaySource(IPAddress.Parse("192.0.2.10")));
        Assert.True(trust.IsGatewaySource(IPAddress.Parse("192.0.2.11")));
        Assert.False(trust.IsGatewaySource(IPAddress.Parse("192.0.2.12")));
        Assert.Equal(new SipUriTarget(false, "provider.test", null, null), Assert.Single(locator.Questions));
        Assert.Equal(["provider.test"], system.Asked);
    }

    [Fact]
    public async Task The_names_own_addresses_count_too_and_nothing_found_is_an_error()
    {
        var system = new RecordingHostResolver();
        system.Hosts["hosts-file.test"] = [IPAddress.Parse("10.9.8.7")];
        var addresses = new GatewayHostAddresses(new RecordingServerLocator(), system.ResolveAsync);

        Assert.Equal([IPAddress.Parse("10.9.8.7")], await addresses.ResolveAsync("hosts-file.test", default));
        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => addresses.ResolveAsync("nx.test", default));
    }

    /// <summary>Canned RFC 3263 answers per host; records the questions.</summary>
    private sealed class RecordingServerLocator : ISipServerLocator
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
