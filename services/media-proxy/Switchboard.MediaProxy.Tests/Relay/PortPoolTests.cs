using Microsoft.Extensions.Time.Testing;
using Switchboard.MediaProxy.Relay;
using Xunit;

namespace Switchboard.MediaProxy.Tests.Relay;

public sealed class PortPoolTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Hands_out_even_ports_whose_odd_partner_is_in_range()
    {
        var pool = new PortPool(20001, 20008, TimeSpan.FromSeconds(30), _time);
        var ports = new List<int>();

        while (pool.TryRent(out var port))
            ports.Add(port);

        Assert.Equal([20002, 20004, 20006], ports);
        Assert.Equal(3, pool.Capacity);
        Assert.Equal(3, pool.InUse);
    }

    [Fact]
    public void Exhausted_pool_says_so()
    {
        var pool = new PortPool(20000, 20003, TimeSpan.Zero, _time);

        Assert.True(pool.TryRent(out _));
        Assert.True(pool.TryRent(out _));
        Assert.False(pool.TryRent(out var none));
        Assert.Equal(0, none);
    }

    [Fact]
    public void Released_pair_stays_in_quarantine_until_the_delay_passes()
    {
        var pool = new PortPool(20000, 20001, TimeSpan.FromSeconds(30), _time);
        Assert.True(pool.TryRent(out var port));

        pool.Release(port);

        Assert.False(pool.TryRent(out _));
        Assert.Equal(1, pool.InQuarantine);
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(pool.TryRent(out _));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(pool.TryRent(out var again));
        Assert.Equal(port, again);
        Assert.Equal(0, pool.InQuarantine);
    }

    [Fact]
    public void Least_recently_used_pair_comes_first_and_unknown_releases_are_ignored()
    {
        var pool = new PortPool(20000, 20005, TimeSpan.Zero, _time);
        Assert.True(pool.TryRent(out var first));

        pool.Release(first);
        pool.Release(first);
        pool.Release(12345);

        Assert.Equal(3, pool.Free);
        Assert.True(pool.TryRent(out var next));
        Assert.NotEqual(first, next);
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(30000, 20000)]
    [InlineData(20000, 70000)]
    [InlineData(20001, 20002)]
    public void Invalid_range_is_refused(int start, int end)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PortPool(start, end, TimeSpan.Zero, _time));
    }
}
