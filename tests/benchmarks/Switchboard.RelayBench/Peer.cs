using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.RelayBench;

/// <summary>
/// A phone's RTP socket on 127.0.0.1. It sends 200-byte RTP packets carrying a send timestamp to its target, and
/// its receive loop records the one-way latency of what the other phone sent. In window mode a packet's arrival
/// makes the sender (<see cref="Partner"/>) send the next one, so each direction keeps a fixed number in flight.
/// </summary>
internal sealed class Peer : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly byte[] _sendBuffer = new byte[BenchOptions.PacketSize];
    private readonly LatencyHistogram _latency;
    private readonly Lock _sendGate = new();
    private SocketAddress? _target;
    private ushort _sequence;
    private long _received;
    private long _sent;
    private long _lastArrival = Stopwatch.GetTimestamp();

    public Peer(LatencyHistogram latency)
    {
        _latency = latency;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _socket.ReceiveBufferSize = 1 << 20;
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        _sendBuffer[0] = 0x80; // RTP v2, PT 0
        BinaryPrimitives.WriteUInt32BigEndian(_sendBuffer.AsSpan(8), (uint)Port);
    }

    public int Port { get; }
    public Peer? Partner { get; set; }
    public bool Echo { get; set; }
    public long Received => Interlocked.Read(ref _received);
    public long Sent => Interlocked.Read(ref _sent);
    public TimeSpan Silent => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastArrival));

    public void Target(int port) => _target = new IPEndPoint(IPAddress.Loopback, port).Serialize();

    /// <summary>The target as a raw sockaddr, for the blast load's sendmmsg.</summary>
    public ReadOnlySpan<byte> TargetSockaddr => _target!.Buffer.Span[.._target.Size];

    /// <summary>The socket's fd, for the blast load (which never starts <see cref="ReceiveLoop"/> on it).</summary>
    public int Fd => (int)_socket.Handle;

    public void Send()
    {
        // The window loop and the pacer may both send: one packet buffer, so one sender at a time.
        lock (_sendGate)
        {
            BinaryPrimitives.WriteUInt16BigEndian(_sendBuffer.AsSpan(2), ++_sequence);
            BinaryPrimitives.WriteInt64LittleEndian(_sendBuffer.AsSpan(12), Stopwatch.GetTimestamp());
            try
            {
                _socket.SendTo(_sendBuffer, SocketFlags.None, _target!);
                Interlocked.Increment(ref _sent);
            }
            catch (SocketException)
            {
                // ICMP unreachable from an earlier send or a full buffer: counted as loss (sent - received).
            }
        }
    }

    public async Task ReceiveLoop(CancellationToken stop)
    {
        var buffer = new byte[2048];
        var from = new SocketAddress(AddressFamily.InterNetwork);
        while (!stop.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, from, stop);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (stop.IsCancellationRequested)
                    return;
                continue;
            }

            if (length < 20)
                continue;
            var sentAt = BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(12));
            _latency.Add((Stopwatch.GetTimestamp() - sentAt) * 1_000_000 / Stopwatch.Frequency);
            Interlocked.Increment(ref _received);
            Interlocked.Exchange(ref _lastArrival, Stopwatch.GetTimestamp());
            if (Echo)
                Partner?.Send();
        }
    }

    public void Dispose() => _socket.Dispose();
}
