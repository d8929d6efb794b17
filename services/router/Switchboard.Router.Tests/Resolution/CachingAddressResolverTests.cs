using Microsoft.Extensions.Options;
using Switchboard.Router.Accounts;
using Switchboard.Router.Addressing;
using Switchboard.Router.Changes;
using Switchboard.Router.Resolution;
using Switchboard.Router.Routing;
using Switchboard.Router.Tests.Support;
using Xunit;

namespace Switchboard.Router.Tests.Resolution;

public class CachingAddressResolverTests
{
    [Fact]
    public void SecondLookupIsServedFromTheCacheUntilSomethingChanges()
    {
        var changes = new RoutingChanges();
        var inner = new RecordingAddressResolver();
        using var cache = new CachingAddressResolver(inner, changes, Options.Create(new ResolverOptions()));

        cache.Resolve("a@x.example");
        cache.Resolve("a@x.example");
        cache.Resolve("a@x.example", RouterTraffic.Live);
        Assert.Equal(2, inner.Calls.Count);

        changes.Publish(new RoutingChanged(RoutingChangeKind.Aliases, "x.example"));
        cache.Resolve("a@x.example");
        Assert.Equal(3, inner.Calls.Count);
    }

    [Fact]
    public void CacheStaysWithinItsLimit()
    {
        var inner = new RecordingAddressResolver();
        using var cache = new CachingAddressResolver(inner, new RoutingChanges(), Options.Create(new ResolverOptions { MaxCacheEntries = 10 }));

        for (var i = 0; i < 35; i++)
            cache.Resolve($"u{i}@x.example");

        Assert.InRange(cache.Count, 1, 10);
    }

    [Fact]
    public void StoreChangesApplyWithoutRestart()
    {
        using var data = new TempRouterData();
        data.Domains.AddDomain("x.example");
        using var cache = new CachingAddressResolver(data.Resolver(), data.Changes, Options.Create(new ResolverOptions()));
        Assert.Equal(404, Assert.IsType<AddressResolution.Rejection>(cache.Resolve("dan@x.example")).StatusCode);

        data.Accounts.CreateAccount("dan", "x.example", "pw");
        Assert.Equal(new AddressResolution.LocalAccount(new SipAddress("dan", "x.example")), cache.Resolve("dan@x.example"));

        data.Routing.SetRouterTable("<dan> = error:480");
        Assert.Equal(480, Assert.IsType<AddressResolution.Rejection>(cache.Resolve("dan@x.example")).StatusCode);

        data.Routing.SetRouterTable("");
        data.Domains.RemoveDomain("x.example");
        Assert.Equal(new AddressResolution.Remote("sip:dan@x.example"), cache.Resolve("dan@x.example"));
    }

    private sealed class RecordingAddressResolver : IAddressResolver
    {
        public List<(string Address, RouterTraffic Traffic)> Calls { get; } = [];

        public AddressResolution Resolve(string address, RouterTraffic traffic = RouterTraffic.RealTime)
        {
            Calls.Add((address, traffic));
            return new AddressResolution.Remote("sip:" + address);
        }
    }
}
