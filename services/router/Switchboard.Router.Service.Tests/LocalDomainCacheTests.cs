using Microsoft.Extensions.Time.Testing;
using Switchboard.Protos.Clients;

namespace Switchboard.Router.Service.Tests;

public class LocalDomainCacheTests
{
    [Fact]
    public void AnswersAgeOut()
    {
        var time = new FakeTimeProvider();
        var cache = new LocalDomainCache(TimeSpan.FromSeconds(30), time);
        cache.Set("Example.com", true, cache.Generation);

        Assert.True(cache.TryGet("example.COM", out var local) && local);
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.False(cache.TryGet("example.com", out _));
    }

    [Fact]
    public void AnAnswerFetchedBeforeAnInvalidationIsNotKept()
    {
        var cache = new LocalDomainCache(TimeSpan.FromMinutes(1), new FakeTimeProvider());
        var generation = cache.Generation;
        cache.Invalidate(); // a RoutingChanged arrived while the server was being asked
        cache.Set("example.com", false, generation);

        Assert.False(cache.TryGet("example.com", out _));
        cache.Set("example.com", true, cache.Generation);
        Assert.True(cache.TryGet("example.com", out _));
        cache.Invalidate();
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void ZeroDurationDisablesTheCache()
    {
        var cache = new LocalDomainCache(TimeSpan.Zero, new FakeTimeProvider());
        cache.Set("example.com", true, cache.Generation);
        Assert.False(cache.TryGet("example.com", out _));
    }
}
