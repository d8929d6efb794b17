namespace Switchboard.Auth.Ntlm;

/// <summary>
/// Established security associations by opaque, bounded in count (least recently used evicted) and idle time,
/// so a peer that keeps authenticating cannot grow memory without bound.
/// </summary>
public sealed class NtlmSecurityContexts
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _byOpaque = new(StringComparer.Ordinal); // guarded by _lock
    private readonly LinkedList<Entry> _byUse = new();                                                  // guarded by _lock, oldest first
    private readonly int _capacity;
    private readonly TimeSpan _idleLifetime;
    private readonly TimeProvider _time;

    public NtlmSecurityContexts(int capacity, TimeSpan idleLifetime, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _idleLifetime = idleLifetime;
        _time = time;
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byOpaque.Count;
            }
        }
    }

    public void Add(NtlmSecurityContext context)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (_byOpaque.Remove(context.Opaque, out var old))
            {
                _byUse.Remove(old);
            }

            while (_byOpaque.Count >= _capacity)
            {
                Remove(_byUse.First!);
            }

            _byOpaque[context.Opaque] = _byUse.AddLast(new Entry(context, now));
        }
    }

    public NtlmSecurityContext? Find(string opaque)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            while (_byUse.First is { } oldest && now - oldest.Value.LastUsed > _idleLifetime)
            {
                Remove(oldest);
            }

            if (!_byOpaque.TryGetValue(opaque, out var node))
            {
                return null;
            }

            _byUse.Remove(node);
            node.Value = node.Value with { LastUsed = now };
            _byUse.AddLast(node);
            return node.Value.Context;
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _byUse.Remove(node);
        _byOpaque.Remove(node.Value.Context.Opaque);
    }

    private sealed record Entry(NtlmSecurityContext Context, DateTimeOffset LastUsed);
}
