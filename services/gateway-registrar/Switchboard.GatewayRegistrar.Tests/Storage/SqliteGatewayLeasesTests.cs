using Switchboard.GatewayRegistrar.Storage;
using Switchboard.GatewayRegistrar.Tests.Support;

namespace Switchboard.GatewayRegistrar.Tests.Storage;

public sealed class SqliteGatewayLeasesTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void The_holder_renews_others_wait_for_expiry_or_release()
    {
        var a = new SqliteGatewayLeases(_db.Database);
        var b = new SqliteGatewayLeases(_db.OpenAgain());

        Assert.True(a.TryAcquire("trunk", "a", T0, T0.AddSeconds(30)));
        Assert.False(b.TryAcquire("trunk", "b", T0.AddSeconds(10), T0.AddSeconds(40)));
        Assert.True(a.TryAcquire("trunk", "a", T0.AddSeconds(20), T0.AddSeconds(50)));
        Assert.False(b.TryAcquire("trunk", "b", T0.AddSeconds(49), T0.AddSeconds(79)));
        Assert.True(b.TryAcquire("trunk", "b", T0.AddSeconds(50), T0.AddSeconds(80)));
        Assert.False(a.TryAcquire("trunk", "a", T0.AddSeconds(51), T0.AddSeconds(81)));

        a.Release("trunk", "a"); // not a's any more: no effect
        Assert.Equal(("b", T0.AddSeconds(80)), b.Get("trunk"));
        b.Release("trunk", "b");
        Assert.Null(a.Get("trunk"));
        Assert.True(a.TryAcquire("trunk", "a", T0.AddSeconds(52), T0.AddSeconds(82)));
    }

    [Fact]
    public async Task Concurrent_takeovers_of_a_free_lease_have_exactly_one_winner()
    {
        var instances = Enumerable.Range(0, 8).Select(_ => new SqliteGatewayLeases(_db.OpenAgain())).ToArray();
        var results = await Task.WhenAll(instances.Select((l, i) => Task.Run(() => l.TryAcquire("trunk", $"i{i}", T0, T0.AddSeconds(30)))));

        Assert.Single(results, won => won);
    }
}
