namespace Switchboard.MediaProxy.Relay.Epoll;

/// <summary>N epoll loop threads; each new stream goes to the next loop (round-robin), all its sockets with it.</summary>
internal sealed class EpollRelayEngine : IRelayEngine
{
    private readonly EpollRelayLoop[] _loops;
    private int _next = -1;

    public EpollRelayEngine(int threads)
    {
        _loops = new EpollRelayLoop[threads];
        try
        {
            for (var i = 0; i < threads; i++)
                _loops[i] = new EpollRelayLoop($"relay-epoll-{i}");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public IReadOnlyList<EpollRelayLoop> Loops => _loops;

    public IRelayPump NextPump() => _loops[(int)((uint)Interlocked.Increment(ref _next) % (uint)_loops.Length)];

    public void Dispose()
    {
        foreach (var loop in _loops)
            loop?.Dispose();
    }
}
