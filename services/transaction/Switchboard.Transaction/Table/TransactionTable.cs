using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Switchboard.Transaction.Keys;

namespace Switchboard.Transaction.Table;

/// <summary>
/// Transactions by key, split in shards with one lock each (like Kamailio's tm hash table),
/// with a limit on the entries in progress and a separate cap on the settled ones: a settled
/// entry (a non-INVITE in Completed, holding only its final response) no longer counts towards
/// <see cref="Limit"/>, so the 32 s of Timer J do not crowd out new requests.
/// </summary>
public sealed class TransactionTable<T> where T : class
{
    private readonly Shard[] _shards;
    private readonly int _shift;
    private int _count;
    private int _settled;

    /// <summary>Creates a table of at least <paramref name="shards"/> shards holding at most <paramref name="limit"/> entries.</summary>
    public TransactionTable(int shards, int limit)
        : this(shards, limit, 0)
    {
    }

    /// <summary>
    /// Creates a table holding at most <paramref name="limit"/> entries in progress plus at most
    /// <paramref name="settledLimit"/> settled ones.
    /// </summary>
    public TransactionTable(int shards, int limit, int settledLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(settledLimit);
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)shards);
        _shards = new Shard[size];
        for (var i = 0; i < size; i++) _shards[i] = new Shard();
        _shift = 32 - BitOperations.Log2((uint)size);
        Limit = limit;
        SettledLimit = settledLimit;
    }

    /// <summary>Maximum entries in progress (not settled).</summary>
    public int Limit { get; }

    /// <summary>Maximum settled entries (beyond it, <see cref="TrySettle"/> refuses and the entry stays in progress).</summary>
    public int SettledLimit { get; }

    /// <summary>Entries stored (in progress and settled).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Settled entries stored.</summary>
    public int SettledCount => Volatile.Read(ref _settled);

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
            // In progress = all - settled; a race with TrySettle can only make this check stricter for a moment.
            if (Interlocked.Increment(ref _count) - Volatile.Read(ref _settled) > Limit)
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
    public bool Remove(in TransactionKey key, T value) => Remove(key, value, settled: false);

    /// <summary>
    /// Removes the entry if it is still <paramref name="value"/>; <paramref name="settled"/> says whether
    /// <see cref="TrySettle"/> had moved it out of the in-progress count.
    /// </summary>
    public bool Remove(in TransactionKey key, T value, bool settled)
    {
        var shard = ShardOf(key);
        lock (shard.Map)
        {
            if (!shard.Map.TryGetValue(key, out var current) || !ReferenceEquals(current, value)) return false;
            shard.Map.Remove(key);
            if (settled) Interlocked.Decrement(ref _settled);
            Interlocked.Decrement(ref _count);
            return true;
        }
    }

    /// <summary>
    /// Moves one stored entry from the in-progress count to the settled count; false when
    /// <see cref="SettledLimit"/> is reached (the entry then keeps counting towards <see cref="Limit"/>).
    /// </summary>
    public bool TrySettle()
    {
        if (Interlocked.Increment(ref _settled) <= SettledLimit) return true;
        Interlocked.Decrement(ref _settled);
        return false;
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
