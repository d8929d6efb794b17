using System.Net;
using Switchboard.MediaProxy.Relay.Kernel;

namespace Switchboard.MediaProxy.Relay;

/// <summary>
/// Takes two port pairs from the pool (one facing each leg) and binds their sockets. A pair another process
/// already holds is skipped; after a few such failures the pool counts as exhausted. The four sockets of a stream
/// share one pump, so a socket's partner is always served by the same loop.
/// </summary>
internal sealed class StreamAllocator(PortPool pool, IPAddress bindAddress, IRelayEngine engine, KernelOffload? kernel)
{
    private const int MaxBindAttempts = 8;
    private int _activeStreams;

    public IPAddress BindAddress { get; } = bindAddress;

    public int ActiveStreams => Volatile.Read(ref _activeStreams);

    public RelayStream? TryAllocate(int index, MediaActivity activity)
    {
        var pump = engine.NextPump();
        var caller = TryBindEndpoint(activity, pump);
        if (caller is null)
            return null;
        var callee = TryBindEndpoint(activity, pump);
        if (callee is null)
        {
            Release(caller);
            return null;
        }

        var stream = new RelayStream(index, caller, callee);
        stream.Start();
        Interlocked.Increment(ref _activeStreams);
        return stream;
    }

    public void Release(RelayStream stream)
    {
        Release(stream.FacingCaller);
        Release(stream.FacingCallee);
        Interlocked.Decrement(ref _activeStreams);
    }

    private void Release(RelayEndpoint endpoint)
    {
        endpoint.Dispose();
        pool.Release(endpoint.RtpPort);
    }

    private RelayEndpoint? TryBindEndpoint(MediaActivity activity, IRelayPump pump)
    {
        for (var attempt = 0; attempt < MaxBindAttempts; attempt++)
        {
            if (!pool.TryRent(out var port))
                return null;
            var rtp = RelaySocket.TryBind(BindAddress, port, activity, pump, kernel);
            var rtcp = rtp is null ? null : RelaySocket.TryBind(BindAddress, port + 1, activity, pump, kernel);
            if (rtp is not null && rtcp is not null)
                return new RelayEndpoint(port, rtp, rtcp);
            rtp?.Dispose();
            pool.ReturnUnusable(port);
        }

        return null;
    }
}
