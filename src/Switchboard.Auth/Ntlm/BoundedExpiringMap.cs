namespace Switchboard.Auth.Ntlm;

/// <summary>
/// A map bounded in count (least recently used evicted first) whose entries expire after a time without use, so
/// nothing a peer does can grow it without bound. Thread-safe; one lock, held briefly.
/// </summary>
internal sealed class BoundedExpiringMap<TValue>
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _byKey = new(StringComparer.Ordinal); // guarded by _lock
    private readonly LinkedList<Entry> _byUse = new();                                               // guarded by _lock, oldest first
    private readonly int _capacity;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public BoundedExpiringMap(int capacity, TimeSpan lifetime, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _lifetime = lifetime;
        _time = time;
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byKey.Count;
            }
        }
    }

    public void Set(string key, TValue value)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            RemoveExpired(now);
            if (_byKey.TryGetValue(key, out var old))
            {
                Remove(old);
            }

            while (_byKey.Count >= _capacity)
            {
                Remove(_byUse.First!);
            }

            _byKey[key] = _byUse.AddLast(new Entry(key, value, now));
        }
    }

    /// <summary>The live value for <paramref name="key"/>, marked as just used; or default.</summary>
    public TValue? Find(string key) => Lookup(key, take: false);

    /// <summary>The live value for <paramref name="key"/>, removed so it can be used only once; or default.</summary>
    public TValue? Take(string key) => Lookup(key, take: true);

    private TValue? Lookup(string key, bool take)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            RemoveExpired(now);
            if (!_byKey.TryGetValue(key, out var node))
            {
                return default;
            }

            _byUse.Remove(node);
            if (take)
            {
                _byKey.Remove(key);
            }
            else
            {
                node.Value = node.Value with { LastUsed = now };
                _byUse.AddLast(node);
            }

            return node.Value.Value;
        }
    }

    private void RemoveExpired(DateTimeOffset now)
    {
        while (_byUse.First is { } oldest && now - oldest.Value.LastUsed > _lifetime)
        {
            Remove(oldest);
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _byUse.Remove(node);
        _byKey.Remove(node.Value.Key);
    }

    private sealed record Entry(string Key, TValue Value, DateTimeOffset LastUsed);
}
