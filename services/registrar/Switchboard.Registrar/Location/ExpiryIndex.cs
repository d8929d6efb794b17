namespace Switchboard.Registrar.Location;

/// <summary>Bindings bucketed by the second they expire in, so a sweep touches only due buckets instead
/// of scanning every binding. Entries are never updated in place: a refreshed or removed binding leaves
/// a stale entry that the store ignores when its bucket comes due (the store checks by reference).</summary>
internal sealed class ExpiryIndex
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, List<Binding>> _buckets = []; // guarded by _lock
    private long _lastSwept = long.MinValue; // guarded by _lock; last second whose bucket was taken

    public int BucketCount
    {
        get
        {
            lock (_lock)
            {
                return _buckets.Count;
            }
        }
    }

    public void Add(Binding binding)
    {
        var second = BucketOf(binding.ExpiresAt);
        lock (_lock)
        {
            if (!_buckets.TryGetValue(second, out var bucket))
            {
                bucket = [];
                _buckets[second] = bucket;
            }
            bucket.Add(binding);
        }
    }

    /// <summary>Removes and returns every entry whose bucket is due at <paramref name="now"/>.</summary>
    public List<Binding> TakeDue(DateTimeOffset now)
    {
        var nowSecond = now.ToUnixTimeSeconds();
        var due = new List<Binding>();
        lock (_lock)
        {
            // Walk the seconds since the last sweep when that is shorter than walking the buckets
            // (normal one-second ticks); after a long pause walk the buckets instead.
            var gap = _lastSwept == long.MinValue ? long.MaxValue : nowSecond - _lastSwept;
            if (gap <= _buckets.Count)
            {
                for (var second = _lastSwept + 1; second <= nowSecond; second++)
                {
                    TakeBucket(second, due);
                }
            }
            else
            {
                foreach (var second in _buckets.Keys.Where(s => s <= nowSecond).ToList())
                {
                    TakeBucket(second, due);
                }
            }
            _lastSwept = Math.Max(_lastSwept, nowSecond);
        }
        return due;
    }

    private void TakeBucket(long second, List<Binding> due)
    {
        if (_buckets.Remove(second, out var bucket))
        {
            due.AddRange(bucket);
        }
    }

    // A binding expiring at 12.3 s belongs to bucket 13: it is due once the clock reaches 13 s.
    private static long BucketOf(DateTimeOffset expiresAt)
    {
        var ms = expiresAt.ToUnixTimeMilliseconds();
        return ms % 1000 == 0 ? ms / 1000 : (ms / 1000) + 1;
    }
}
