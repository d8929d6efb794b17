namespace Switchboard.MediaProxy.Relay;

/// <summary>
/// Even/odd port pairs from a configured range (RTP on the even port, RTCP on the odd one, RFC 3550 §11).
/// Free pairs are handed out least-recently-used first; a released pair sits in quarantine for
/// <c>releaseDelay</c> before it can be handed out again. All fields are guarded by <c>_gate</c>.
/// </summary>
internal sealed class PortPool
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _releaseDelay;
    private readonly Queue<int> _free = new();                                  // guarded by _gate
    private readonly Queue<(int Port, DateTimeOffset FreeAt)> _quarantine = new(); // guarded by _gate; FIFO = time order
    private readonly HashSet<int> _inUse = [];                                  // guarded by _gate

    public PortPool(int start, int end, TimeSpan releaseDelay, TimeProvider time)
    {
        if (start < 1 || end > 65535 || start > end)
            throw new ArgumentOutOfRangeException(nameof(start), $"invalid relay port range {start}-{end}");
        _time = time;
        _releaseDelay = releaseDelay;
        for (var port = start + (start & 1); port + 1 <= end; port += 2)
            _free.Enqueue(port);
        Capacity = _free.Count;
        if (Capacity == 0)
            throw new ArgumentOutOfRangeException(nameof(start), $"relay port range {start}-{end} holds no even/odd pair");
    }

    public int Capacity { get; }

    public int InUse { get { lock (_gate) return _inUse.Count; } }

    public int Free { get { lock (_gate) { DrainQuarantine(); return _free.Count; } } }

    public int InQuarantine { get { lock (_gate) { DrainQuarantine(); return _quarantine.Count; } } }

    /// <summary>Takes a pair; returns the even (RTP) port, or false when the pool is exhausted.</summary>
    public bool TryRent(out int rtpPort)
    {
        lock (_gate)
        {
            DrainQuarantine();
            if (!_free.TryDequeue(out rtpPort))
                return false;
            _inUse.Add(rtpPort);
            return true;
        }
    }

    /// <summary>Puts a pair into quarantine; releasing a port that is not rented is ignored.</summary>
    public void Release(int rtpPort)
    {
        lock (_gate)
        {
            if (!_inUse.Remove(rtpPort))
                return;
            if (_releaseDelay <= TimeSpan.Zero)
                _free.Enqueue(rtpPort);
            else
                _quarantine.Enqueue((rtpPort, _time.GetUtcNow() + _releaseDelay));
        }
    }

    /// <summary>A pair that could not be bound (taken by another process) goes to the back of the free queue.</summary>
    public void ReturnUnusable(int rtpPort)
    {
        lock (_gate)
        {
            if (_inUse.Remove(rtpPort))
                _free.Enqueue(rtpPort);
        }
    }

    private void DrainQuarantine()
    {
        var now = _time.GetUtcNow();
        while (_quarantine.TryPeek(out var entry) && entry.FreeAt <= now)
            _free.Enqueue(_quarantine.Dequeue().Port);
    }
}
