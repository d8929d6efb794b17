namespace Switchboard.RelayBench;

/// <summary>One-way latency in 1 µs buckets up to 100 ms (larger values land in the last bucket); thread-safe.</summary>
internal sealed class LatencyHistogram
{
    private readonly long[] _buckets = new long[100_001];

    public void Add(long microseconds) =>
        Interlocked.Increment(ref _buckets[Math.Clamp(microseconds, 0, _buckets.Length - 1)]);

    public long Count => _buckets.Sum();

    public double Percentile(double p)
    {
        var target = (long)Math.Ceiling(Count * p);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += _buckets[i];
            if (seen >= target && seen > 0)
                return i;
        }

        return double.NaN;
    }

    public void Clear() => Array.Clear(_buckets);
}
