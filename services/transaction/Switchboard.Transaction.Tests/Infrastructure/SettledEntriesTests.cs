using Switchboard.Transaction.Keys;
using Switchboard.Transaction.Table;

namespace Switchboard.Transaction.Tests.Infrastructure;

/// <summary>Settled entries (non-INVITEs in Completed) stay findable but no longer count towards the Limit.</summary>
public sealed class SettledEntriesTests
{
    private static TransactionKey Key(int i) => TransactionKey.ForServer($"z9hG4bK{i}", "h.example.com", 5060, "REGISTER");

    [Fact]
    public void A_settled_entry_frees_its_place_under_the_limit_and_stays_findable()
    {
        var table = new TransactionTable<object>(4, limit: 1, settledLimit: 10);
        var first = new object();
        Assert.Equal(TableAddResult.Added, table.TryAdd(Key(1), first, out _));
        Assert.Equal(TableAddResult.LimitReached, table.TryAdd(Key(2), new object(), out _));

        Assert.True(table.TrySettle());
        Assert.Equal(TableAddResult.Added, table.TryAdd(Key(2), new object(), out _));
        Assert.True(table.TryGet(Key(1), out var found));
        Assert.Same(first, found);
        Assert.Equal(2, table.Count);
        Assert.Equal(1, table.SettledCount);
    }

    [Fact]
    public void Beyond_the_settled_limit_entries_keep_counting_towards_the_limit()
    {
        var table = new TransactionTable<object>(4, limit: 2, settledLimit: 1);
        table.TryAdd(Key(1), new object(), out _);
        table.TryAdd(Key(2), new object(), out _);
        Assert.True(table.TrySettle());
        Assert.False(table.TrySettle());

        Assert.Equal(TableAddResult.Added, table.TryAdd(Key(3), new object(), out _));
        Assert.Equal(TableAddResult.LimitReached, table.TryAdd(Key(4), new object(), out _));
    }

    [Fact]
    public void Removing_a_settled_entry_releases_both_counts()
    {
        var table = new TransactionTable<object>(4, limit: 1, settledLimit: 1);
        var value = new object();
        table.TryAdd(Key(1), value, out _);
        table.TrySettle();

        Assert.True(table.Remove(Key(1), value, settled: true));
        Assert.Equal(0, table.Count);
        Assert.Equal(0, table.SettledCount);
        Assert.True(table.TrySettle());
    }

    [Fact]
    public void The_default_table_settles_nothing()
    {
        var table = new TransactionTable<object>(4, 1);
        table.TryAdd(Key(1), new object(), out _);
        Assert.False(table.TrySettle());
        Assert.Equal(TableAddResult.LimitReached, table.TryAdd(Key(2), new object(), out _));
    }
}
