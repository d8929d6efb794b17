namespace Switchboard.Auth.Ntlm;

/// <summary>
/// Half-open NTLM handshakes (MS-SIPAE security associations between CHALLENGE and AUTHENTICATE),
/// keyed by the opaque value. Bounded in count (oldest evicted) and lifetime; each is taken once.
/// </summary>
public sealed class NtlmSecurityAssociations
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Pending>> _byOpaque = new(StringComparer.Ordinal); // guarded by _lock
    private readonly LinkedList<Pending> _order = new();                                                // guarded by _lock
    private readonly int _capacity;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public NtlmSecurityAssociations(int capacity, TimeSpan lifetime, TimeProvider time)
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
                return _byOpaque.Count;
            }
        }
    }

    public void Add(string opaque, byte[] serverChallenge)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            RemoveExpired(now);
            while (_byOpaque.Count >= _capacity)
            {
                Remove(_order.First!);
            }

            _byOpaque[opaque] = _order.AddLast(new Pending(opaque, serverChallenge, now));
        }
    }

    /// <summary>Removes and returns the server challenge for <paramref name="opaque"/> if it is known and young enough.</summary>
    public byte[]? Take(string opaque)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (!_byOpaque.TryGetValue(opaque, out var node))
            {
                return null;
            }

            Remove(node);
            return now - node.Value.CreatedAt > _lifetime ? null : node.Value.ServerChallenge;
        }
    }

    private void RemoveExpired(DateTimeOffset now)
    {
        while (_order.First is { } first && now - first.Value.CreatedAt > _lifetime)
        {
            Remove(first);
        }
    }

    private void Remove(LinkedListNode<Pending> node)
    {
        _order.Remove(node);
        _byOpaque.Remove(node.Value.Opaque);
    }

    private sealed record Pending(string Opaque, byte[] ServerChallenge, DateTimeOffset CreatedAt);
}
