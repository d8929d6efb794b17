using Switchboard.Auth.Digest;

namespace Switchboard.Auth.Tests.Digest;

public class NonceCountTableTests
{
    [Fact]
    public void Nc_must_strictly_increase_per_nonce()
    {
        var table = new NonceCountTable(10);

        Assert.Equal(NonceCountResult.Accepted, table.TryAdvance("a", 100, 1));
        Assert.Equal(NonceCountResult.Accepted, table.TryAdvance("b", 100, 1));
        Assert.Equal(NonceCountResult.Replay, table.TryAdvance("a", 100, 1));
        Assert.Equal(NonceCountResult.Accepted, table.TryAdvance("a", 100, 3));
        Assert.Equal(NonceCountResult.Replay, table.TryAdvance("a", 100, 2));
    }

    [Fact]
    public void Eviction_forgets_oldest_and_raises_the_watermark()
    {
        var table = new NonceCountTable(2);
        table.TryAdvance("old", 100, 1);
        table.TryAdvance("mid", 200, 1);

        Assert.Equal(NonceCountResult.Accepted, table.TryAdvance("new", 300, 1));

        Assert.Equal(2, table.Count);
        Assert.Equal(1, table.Evictions);
        Assert.Equal(NonceCountResult.Forgotten, table.TryAdvance("old", 100, 1));
        Assert.Equal(NonceCountResult.Forgotten, table.TryAdvance("never-seen-but-older", 99, 1));
        Assert.Equal(NonceCountResult.Accepted, table.TryAdvance("mid", 200, 2));
    }

    [Fact]
    public void Purge_removes_expired_entries()
    {
        var table = new NonceCountTable(10);
        table.TryAdvance("a", 100, 1);
        table.TryAdvance("b", 500, 1);

        table.PurgeIssuedBefore(200);

        Assert.Equal(1, table.Count);
        Assert.Equal(NonceCountResult.Forgotten, table.TryAdvance("a", 100, 2));
        Assert.Equal(0, table.Evictions);
    }

    [Fact]
    public async Task Concurrent_use_of_one_nc_is_accepted_exactly_once()
    {
        var table = new NonceCountTable(1000);
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.Wait(TimeSpan.FromSeconds(5));
            var accepted = 0;
            for (uint nc = 1; nc <= 500; nc++)
            {
                accepted += table.TryAdvance("shared", 1, nc) == NonceCountResult.Accepted ? 1 : 0;
            }

            return accepted;
        })).ToArray();

        start.Set();
        var counts = await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(counts.Sum() <= 500);
        Assert.Equal(NonceCountResult.Replay, table.TryAdvance("shared", 1, 500));
    }
}
