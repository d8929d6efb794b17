using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Switchboard.Transaction.Keys;

namespace Switchboard.Transaction.Table;

/// <summary>
/// Transactions by key, split in shards with one lock each (like Kamailio's tm hash table),
/// with a global limit on the number stored.
/// </summary>
public sealed class TransactionTable<T> where T : class
{
    private readonly Shard[] _shards;
    private readonly int _shift;
    private int _count;

    /// <summary>Creates a table of at least <paramref name="shards"/> shards holding at most <paramref name="limit"/> entries.</summary>
    public TransactionTable(int shards, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)shards);
        _shards = new Shard[size];
        for (var i = 0; i < size; i++) _shards[i] = new Shard();
        _shift = 32 - BitOperations.Log2((uint)size);
        Limit = limit;
    }

    /// <summary>Maximum entries.</summary>
    public int Limit { get; }

    /// <summary>Entries stored.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Shard count.</summary>
    public int ShardCount => _shards.Length;

    /// <summary>Stores <paramref name="value"/> unless the key exists (then returns it) or the table is full.</summary>
    public TableAddResult TryAdd(in TransactionKey key, T value, out T? existing)
    {
        ArgumentNullException.ThrowIfNull(value);
        var shard = ShardOf(key);
        lock (shard.Map)
        {
            if (shard.Map.TryGetValue(key, out existing)) return TableAddResult.Exists;
            existing = null;
            if (Interlocked.Increment(ref _count) > Limit)
            {
                Interlocked.Decrement(ref _count);
                return TableAddResult.LimitReached;
            }
            shard.Map.Add(key, value);
            return TableAddResult.Added;
        }
    }

    /// <summary>Finds the transaction for <paramref name="key"/>.</summary>
    public bool TryGet(in TransactionKey key, [MaybeNullWhen(false)] out T value)
    {
        var shard = ShardOf(key);
        lock (shard.Map) return shard.Map.TryGetValue(key, out value);
    }

    /// <summary>Removes the entry if it is still <paramref name="value"/> (a newer one under the same key stays).</summary>
    public bool Remove(in TransactionKey key, T value)
    {
        var shard = ShardOf(key);
        lock (shard.Map)
        {
            if (!shard.Map.TryGetValue(key, out var current) || !ReferenceEquals(current, value)) return false;
            shard.Map.Remove(key);
            Interlocked.Decrement(ref _count);
            return true;
        }
    }

    private Shard ShardOf(in TransactionKey key)
    {
        if (_shards.Length == 1) return _shards[0];
        // Fibonacci hashing spreads the high bits so similar branches land in different shards.
        var index = (uint)key.GetHashCode() * 0x9E3779B9u >> _shift;
        return _shards[index];
    }

    private sealed class Shard
    {
        // The dictionary is its own lock.
        public readonly Dictionary<TransactionKey, T> Map = new();
    }
}
