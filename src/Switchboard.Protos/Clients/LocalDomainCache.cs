using System.Collections.Concurrent;

namespace Switchboard.Protos.Clients;

/// <summary>
/// Remembers IsLocalDomain answers for a while, since local domains change rarely. <see cref="Invalidate"/> is
/// the hook for a RoutingChanged event (domains added or removed) so a change applies before the entry ages out.
/// </summary>
public sealed class LocalDomainCache
{
    private const int MaxEntries = 4096;

    private readonly TimeSpan _duration;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (bool Local, long Expires)> _entries = new(StringComparer.OrdinalIgnoreCase);
    private long _generation;

    public LocalDomainCache(TimeSpan duration, TimeProvider? time = null)
    {
        _duration = duration;
        _time = time ?? TimeProvider.System;
    }

    public int Count => _entries.Count;

    public bool TryGet(string domain, out bool local)
    {
        local = false;
        if (!_entries.TryGetValue(domain, out var entry))
            return false;
        if (_time.GetTimestamp() >= entry.Expires)
        {
            _entries.TryRemove(domain, out _);
            return false;
        }
        local = entry.Local;
        return true;
    }

    /// <summary>The generation to pass to <see cref="Set"/>; read it before asking the server.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Stores an answer unless an invalidation happened since <paramref name="generation"/> was read.</summary>
    public void Set(string domain, bool local, long generation)
    {
        if (_duration <= TimeSpan.Zero)
            return;
        if (_entries.Count >= MaxEntries)
            _entries.Clear();
        var expires = _time.GetTimestamp() + (long)(_duration.TotalSeconds * _time.TimestampFrequency);
        _entries[domain] = (local, expires);
        if (Interlocked.Read(ref _generation) != generation)
            _entries.TryRemove(domain, out _);
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }
}
