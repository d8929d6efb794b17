using System.Buffers.Binary;
using System.Diagnostics;
using Switchboard.MediaProxy.Relay.Epoll;
using static Switchboard.MediaProxy.Relay.Epoll.LinuxInterop;

namespace Switchboard.RelayBench;

/// <summary>
/// The cheapest load this harness can make: one thread that, per round, sends a batch of packets from every phone
/// with one sendmmsg each and then drains every phone with recvmmsg, nothing allocated. Run under
/// <c>taskset -c 0</c> it puts the generator, the relay (its loop thread, or the kernel program running in the
/// sender's softirq) and the kernel's loopback delivery on one core, so delivered packets/s is a per-core figure.
/// </summary>
internal sealed unsafe class BlastLoad(IReadOnlyList<Peer> peers, LatencyHistogram latency, int packetsPerSecond) : IDisposable
{
    private const int PerPeer = 8; // packets per phone per round
    private readonly RelayBatch _batch = new();
    private long _sent, _received;
    private ushort _sequence;

    public long Sent => Volatile.Read(ref _sent);

    public long Received => Volatile.Read(ref _received);

    /// <summary>Rounds until <paramref name="stop"/>, paced to the rate when one is given.</summary>
    public void Run(CancellationToken stop)
    {
        var start = Stopwatch.GetTimestamp();
        var roundTicks = packetsPerSecond > 0 ? (double)Stopwatch.Frequency * PerPeer * peers.Count / packetsPerSecond : 0;
        for (long round = 0; !stop.IsCancellationRequested; round++)
        {
            foreach (var peer in peers)
                SendBatch(peer);
            foreach (var peer in peers)
                Drain(peer);
            if (roundTicks > 0)
            {
                var due = start + (long)(roundTicks * (round + 1));
                while (Stopwatch.GetTimestamp() < due && !stop.IsCancellationRequested)
                {
                    foreach (var peer in peers)
                        Drain(peer);
                }
            }
        }
    }

    private void SendBatch(Peer peer)
    {
        _batch.SetDestination(peer.TargetSockaddr);
        var now = Stopwatch.GetTimestamp();
        for (var i = 0; i < PerPeer; i++)
        {
            var packet = new Span<byte>(_batch.Received[i].Header.Iov->Base, BenchOptions.PacketSize);
            packet[0] = 0x80; // RTP v2, PT 0
            BinaryPrimitives.WriteUInt16BigEndian(packet[2..], ++_sequence);
            BinaryPrimitives.WriteInt64LittleEndian(packet[12..], now);
            _batch.Received[i].Length = BenchOptions.PacketSize;
            _batch.Queue(i, i);
        }

        var sent = SendMmsg(peer.Fd, _batch.Outgoing, PerPeer, MsgDontWait);
        if (sent > 0)
            Volatile.Write(ref _sent, _sent + sent);
    }

    private void Drain(Peer peer)
    {
        while (true)
        {
            _batch.PrepareReceive();
            var received = RecvMmsg(peer.Fd, _batch.Received, RelayBatch.Size, MsgDontWait, null);
            if (received <= 0)
                return;
            var now = Stopwatch.GetTimestamp();
            for (var i = 0; i < received; i++)
            {
                var sentAt = BinaryPrimitives.ReadInt64LittleEndian(new ReadOnlySpan<byte>((byte*)_batch.Received[i].Header.Iov->Base + 12, 8));
                latency.Add((now - sentAt) * 1_000_000 / Stopwatch.Frequency);
            }

            Volatile.Write(ref _received, _received + received);
            if (received < RelayBatch.Size)
                return;
        }
    }

    public void Dispose() => _batch.Dispose();
}
