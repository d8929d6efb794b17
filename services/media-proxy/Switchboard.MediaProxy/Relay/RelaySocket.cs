using System.Net;
using System.Net.Sockets;
using Switchboard.MediaProxy.Relay.Kernel;

namespace Switchboard.MediaProxy.Relay;

/// <summary>
/// One relay UDP socket facing one leg: it latches the leg's source address, and what it receives leaves through
/// the partner socket (facing the other leg) to the partner's peer. The packets are moved by its
/// <see cref="IRelayPump"/> (an async loop per socket, or an epoll loop thread); this class keeps the state both
/// share: latch, partner and counters, all lock-free.
/// </summary>
internal sealed class RelaySocket : IDisposable
{
    private PeerLatch _latch = PeerLatch.Unknown; // swapped whole: by the pump (learn) or by signalling (reset)
    private RelaySocket? _partner;                // set by signalling under the session gate, read by the pump
    private long _packets, _bytes, _drops;        // Interlocked; written by the pump (and the kernel harvest)
    private int _disposed;
    private int _offloadClaimed;                  // 1 while a kernel rule is installed or being tried

    private RelaySocket(Socket socket, int port, MediaActivity activity, IRelayPump pump, KernelOffload? kernel)
    {
        Socket = socket;
        Activity = activity;
        Port = port;
        Pump = pump;
        Kernel = kernel;
    }

    public int Port { get; }

    public Socket Socket { get; }

    public MediaActivity Activity { get; }

    public IRelayPump Pump { get; }

    /// <summary>The kernel forwarding path, when on: the pump offers the socket to it after relaying.</summary>
    public KernelOffload? Kernel { get; }

    /// <summary>True while no kernel rule is installed or tried: the pump's cheap test before <see cref="KernelOffload.TryInstall"/>.</summary>
    public bool OffloadPending => Kernel is not null && Volatile.Read(ref _offloadClaimed) == 0;

    public bool Closed => Volatile.Read(ref _disposed) != 0;

    /// <summary>The epoll loop's registration (slot and raw fd); touched by that loop's thread only.</summary>
    public int LoopSlot { get; set; } = -1;
    public int LoopFd { get; set; } = -1;

    public PeerLatch Latch => Volatile.Read(ref _latch);

    public RelaySocket? Partner => Volatile.Read(ref _partner);

    public MediaCounters Counters =>
        new(Interlocked.Read(ref _packets), Interlocked.Read(ref _bytes), Interlocked.Read(ref _drops));

    /// <summary>Binds a socket on the port; null when the port is taken.</summary>
    public static RelaySocket? TryBind(IPAddress address, int port, MediaActivity activity, IRelayPump pump, KernelOffload? kernel)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (address.AddressFamily == AddressFamily.InterNetworkV6)
                socket.DualMode = true;
            socket.Bind(new IPEndPoint(address, port));
            return new RelaySocket(socket, port, activity, pump, kernel);
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }

    public void Start() => Pump.Start(this);

    public void ConnectTo(RelaySocket? partner) => Volatile.Write(ref _partner, partner);

    /// <summary>New SDP for this leg: forget the learned source, send to the SDP address until the leg speaks.</summary>
    public void ResetLatch(IPEndPoint? sdpPeer)
    {
        Volatile.Write(ref _latch, PeerLatch.FromSdp(sdpPeer, Socket.AddressFamily));
        Kernel?.Withdraw(this); // after the swap: an install racing with it sees the new latch and withdraws itself
    }

    /// <summary>Stops the pump's use of the socket, then closes it (synchronously: the port is free on return).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        Kernel?.Withdraw(this);
        Pump.Close(this);
    }

    public bool TryClaimOffload() => Interlocked.CompareExchange(ref _offloadClaimed, 1, 0) == 0;

    public void ReleaseOffload() => Volatile.Write(ref _offloadClaimed, 0);

    /// <summary>True when the packet comes from the leg: learns the first source, then only accepts that one.</summary>
    public bool Accept(SocketAddress source)
    {
        var latch = Volatile.Read(ref _latch);
        if (latch.Locked)
            return source.Equals(latch.Address);
        // A reset by signalling between the read and this swap wins; this packet still passes.
        Interlocked.CompareExchange(ref _latch, PeerLatch.LockedTo(source), latch);
        return true;
    }

    /// <summary>As <see cref="Accept(SocketAddress)"/> for a raw sockaddr from the kernel (the same bytes .NET keeps).</summary>
    public bool Accept(ReadOnlySpan<byte> source)
    {
        var latch = Volatile.Read(ref _latch);
        if (latch.Locked)
            return latch.Address is { } address && address.Buffer.Span[..address.Size].SequenceEqual(source);
        Interlocked.CompareExchange(ref _latch, PeerLatch.LockedTo(source, Socket.AddressFamily), latch);
        return true;
    }

    public void Count(int packets, long bytes)
    {
        Interlocked.Add(ref _packets, packets);
        Interlocked.Add(ref _bytes, bytes);
    }

    public void Drop(int packets = 1) => Interlocked.Add(ref _drops, packets);
}
