using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.MediaProxy.Relay;

/// <summary>
/// One relay UDP socket facing one leg. Its receive loop latches the leg's source address and forwards each
/// packet from the partner socket (facing the other leg) to the partner's peer. One loop per socket: the loop
/// is an async method that holds no thread while waiting, and it allocates nothing per packet (one pooled
/// buffer and one <see cref="SocketAddress"/> per loop; the .NET SocketAddress overloads reuse their event args).
/// </summary>
internal sealed class RelaySocket : IDisposable
{
    private const int BufferSize = 2048;

    private readonly Socket _socket;
    private readonly MediaActivity _activity;
    private PeerLatch _latch = PeerLatch.Unknown; // swapped whole: by the loop (learn) or by signalling (reset)
    private RelaySocket? _partner;                // set by signalling under the session gate, read by the loop
    private long _packets, _bytes, _drops;        // Interlocked; written by the loop only

    private RelaySocket(Socket socket, int port, MediaActivity activity)
    {
        _socket = socket;
        _activity = activity;
        Port = port;
    }

    public int Port { get; }

    public PeerLatch Latch => Volatile.Read(ref _latch);

    public MediaCounters Counters =>
        new(Interlocked.Read(ref _packets), Interlocked.Read(ref _bytes), Interlocked.Read(ref _drops));

    /// <summary>Binds a socket on the port; null when the port is taken.</summary>
    public static RelaySocket? TryBind(IPAddress address, int port, MediaActivity activity)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (address.AddressFamily == AddressFamily.InterNetworkV6)
                socket.DualMode = true;
            socket.Bind(new IPEndPoint(address, port));
            return new RelaySocket(socket, port, activity);
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }

    public void Start() => _ = ReceiveLoopAsync();

    public void ConnectTo(RelaySocket? partner) => Volatile.Write(ref _partner, partner);

    /// <summary>New SDP for this leg: forget the learned source, send to the SDP address until the leg speaks.</summary>
    public void ResetLatch(IPEndPoint? sdpPeer) =>
        Volatile.Write(ref _latch, PeerLatch.FromSdp(sdpPeer, _socket.AddressFamily));

    public void Dispose() => _socket.Dispose();

    private async Task ReceiveLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var source = new SocketAddress(_socket.AddressFamily);
        try
        {
            while (true)
            {
                int received;
                try
                {
                    received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, source).ConfigureAwait(false);
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
                {
                    Interlocked.Increment(ref _drops);
                    continue;
                }

                var target = Accept(source) ? Volatile.Read(ref _partner) : null;
                var address = target?.Latch.Address;
                if (address is null || !await target!.TrySendAsync(buffer.AsMemory(0, received), address).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref _drops);
                    continue;
                }

                Interlocked.Increment(ref _packets);
                Interlocked.Add(ref _bytes, received);
                _activity.Touch();
            }
        }
        catch (ObjectDisposedException)
        {
            // the socket was closed: the session ended or the stream was released
        }
        catch (SocketException)
        {
            // OperationAborted on close, or a fatal socket error: the loop ends with the socket
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>True when the packet comes from the leg: learns the first source, then only accepts that one.</summary>
    private bool Accept(SocketAddress source)
    {
        var latch = Volatile.Read(ref _latch);
        if (latch.Locked)
            return source.Equals(latch.Address);
        // A reset by signalling between the read and this swap wins; this packet still passes.
        Interlocked.CompareExchange(ref _latch, PeerLatch.LockedTo(source), latch);
        return true;
    }

    private async ValueTask<bool> TrySendAsync(ReadOnlyMemory<byte> packet, SocketAddress address)
    {
        try
        {
            await _socket.SendToAsync(packet, SocketFlags.None, address).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }
}
