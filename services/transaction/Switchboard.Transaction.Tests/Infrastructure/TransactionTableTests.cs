using Switchboard.Transaction.Keys;
using Switchboard.Transaction.Table;

namespace Switchboard.Transaction.Tests.Infrastructure;

public sealed class TransactionTableTests
{
    private static TransactionKey Key(int i) => TransactionKey.ForServer($"z9hG4bK{i}", "h.example.com", 5060, "INVITE");

    [Fact]
    public void AddFindRemove()
    {
        var table = new TransactionTable<object>(8, 100);
        var value = new object();
        Assert.Equal(TableAddResult.Added, table.TryAdd(Key(1), value, out _));
        Assert.True(table.TryGet(Key(1), out var found));
        Assert.Same(value, found);
        Assert.False(table.TryGet(Key(2), out _));
        Assert.Equal(1, table.Count);
        Assert.True(table.Remove(Key(1), value));
        Assert.False(table.TryGet(Key(1), out _));
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public void Add_ExistingKey_ReturnsTheExistingValue()
    {
        var table = new TransactionTable<object>(8, 100);
        var first = new object();
        table.TryAdd(Key(1), first, out _);
        Assert.Equal(TableAddResult.Exists, table.TryAdd(Key(1), new object(), out var existing));
        Assert.Same(first, existing);
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void Add_OverTheLimit_IsRefused_ButRetransmissionsStillFindTheirs()
    {
        var table = new TransactionTable<object>(4, 2);
        table.TryAdd(Key(1), new object(), out _);
        table.TryAdd(Key(2), new object(), out _);
        Assert.Equal(TableAddResult.LimitReached, table.TryAdd(Key(3), new object(), out _));
        Assert.Equal(TableAddResult.Exists, table.TryAdd(Key(2), new object(), out _));
        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void Remove_OnlyTheSameInstance()
    {
        var table = new TransactionTable<object>(1, 10);
        var value = new object();
        table.TryAdd(Key(1), value, out _);
        Assert.False(table.Remove(Key(1), new object()));
        Assert.True(table.TryGet(Key(1), out _));
    }

    [Fact]
    public void ShardCount_IsRoundedToAPowerOfTwo()
    {
        Assert.Equal(64, new TransactionTable<object>(50, 1).ShardCount);
        Assert.Equal(1, new TransactionTable<object>(1, 1).ShardCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransactionTable<object>(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransactionTable<object>(1, 0));
    }

    [Fact]
    public void ConcurrentAdds_RespectTheLimitExactly()
    {
        var table = new TransactionTable<object>(16, 5_000);
        var added = 0;
        Parallel.For(0, 8_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            if (table.TryAdd(Key(i), new object(), out _) == TableAddResult.Added) Interlocked.Increment(ref added);
        });
        Assert.Equal(5_000, added);
        Assert.Equal(5_000, table.Count);
    }
}
