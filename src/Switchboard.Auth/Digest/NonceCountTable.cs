using System.Buffers;
using System.Text;

namespace Switchboard.Auth.Digest;

/// <summary>
/// Highest nonce-count seen per nonce, bounded. When full, the entry first used longest ago is evicted
/// and the "forgotten watermark" rises to its issue time: any nonce issued at or before the watermark
/// that is not in the table is refused as <see cref="NonceCountResult.Forgotten"/>, so an evicted
/// nonce can never be replayed from nc=1 again.
/// </summary>
public sealed class NonceCountTable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries; // guarded by _lock
    private readonly Dictionary<string, LinkedListNode<Entry>>.AlternateLookup<ReadOnlySpan<char>> _lookup; // guarded by _lock
    private readonly LinkedList<Entry> _order = new();                  // guarded by _lock, oldest first
    private readonly int _capacity;
    private long _forgottenWatermarkMs = long.MinValue;                  // guarded by _lock
    private long _evictions;

    public NonceCountTable(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _entries = new Dictionary<string, LinkedListNode<Entry>>(Math.Min(capacity, 4096), StringComparer.Ordinal);
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public long Evictions => Interlocked.Read(ref _evictions);

    /// <summary>Records <paramref name="nc"/> for the nonce if it is above every nc seen so far.</summary>
    public NonceCountResult TryAdvance(string nonce, long issuedAtMs, uint nc) => TryAdvance(nonce.AsSpan(), nonce, issuedAtMs, nc);

    /// <summary>The same for a nonce as received (ASCII bytes); its string is made only when the nonce is new.</summary>
    public NonceCountResult TryAdvance(ReadOnlySpan<byte> nonce, long issuedAtMs, uint nc)
    {
        var max = Encoding.UTF8.GetMaxCharCount(nonce.Length);
        char[]? rented = null;
        var chars = max <= 256 ? stackalloc char[max] : (rented = ArrayPool<char>.Shared.Rent(max));
        var length = Encoding.UTF8.GetChars(nonce, chars);
        var result = TryAdvance(chars[..length], null, issuedAtMs, nc);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    private NonceCountResult TryAdvance(ReadOnlySpan<char> nonce, string? text, long issuedAtMs, uint nc)
    {
        lock (_lock)
        {
            if (_lookup.TryGetValue(nonce, out var node))
            {
                if (nc <= node.Value.HighestNc)
                {
                    return NonceCountResult.Replay;
                }

                node.ValueRef.HighestNc = nc;
                return NonceCountResult.Accepted;
            }

            if (issuedAtMs <= _forgottenWatermarkMs)
            {
                return NonceCountResult.Forgotten;
            }

            if (_entries.Count >= _capacity)
            {
                EvictOldest();
            }

            text ??= new string(nonce);
            _entries[text] = _order.AddLast(new Entry(text, issuedAtMs) { HighestNc = nc });
            return NonceCountResult.Accepted;
        }
    }

    /// <summary>Drops entries for nonces issued at or before <paramref name="issuedBeforeMs"/> (already stale).</summary>
    public void PurgeIssuedBefore(long issuedBeforeMs)
    {
        lock (_lock)
        {
            // Bounded by the table size; entries are roughly in issue order because nonces are used soon after issue.
            while (_order.First is { } first && first.Value.IssuedAtMs <= issuedBeforeMs)
            {
                Remove(first);
            }
        }
    }

    private void EvictOldest()
    {
        Remove(_order.First!);
        Interlocked.Increment(ref _evictions);
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _order.Remove(node);
        _entries.Remove(node.Value.Nonce);
        _forgottenWatermarkMs = Math.Max(_forgottenWatermarkMs, node.Value.IssuedAtMs);
    }

    // A struct inside its list node: one object per remembered nonce besides its string.
    private struct Entry(string nonce, long issuedAtMs)
    {
        public readonly string Nonce => nonce;

        public readonly long IssuedAtMs => issuedAtMs;

        public uint HighestNc { get; set; }
    }
}
