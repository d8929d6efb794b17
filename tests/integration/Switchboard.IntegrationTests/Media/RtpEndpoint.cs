using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.IntegrationTests.Media;

/// <summary>
/// A test phone's RTP socket on a real even UDP port: sends numbered G.711 packets (200 bytes, as the issue sizes them)
/// and collects the sequence numbers of what arrives, bounded in count and time. Bound before any SIPp starts, so
/// SIPp's own media sockets (which skip busy ports) never take it.
/// </summary>
internal sealed class RtpEndpoint : IDisposable
{
    private const int PacketSize = 200;
    private readonly Socket _socket;
    private readonly uint _ssrc = (uint)Random.Shared.Next();

    private RtpEndpoint(Socket socket)
    {
        _socket = socket;
        EndPoint = (IPEndPoint)socket.LocalEndPoint!;
    }

    public IPEndPoint EndPoint { get; }

    public int Port => EndPoint.Port;

    /// <summary>Binds an even port on <paramref name="address"/> (RTP takes even ports; the odd one is left for RTCP).</summary>
    public static RtpEndpoint BindEven(string address)
    {
        var ip = IPAddress.Parse(address);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                socket.Bind(new IPEndPoint(ip, 0));
                var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
                if (port % 2 == 0 && port < 65534)
                {
                    return new RtpEndpoint(socket);
                }

                socket.Dispose();
                socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                socket.Bind(new IPEndPoint(ip, port - 1));
                return new RtpEndpoint(socket);
            }
            catch (SocketException)
            {
                socket.Dispose();
            }
        }

        throw new InvalidOperationException($"no even UDP port free on {address}");
    }

    /// <summary>Sends <paramref name="count"/> packets numbered from <paramref name="firstSequence"/>, 2 ms apart.</summary>
    public async Task SendAsync(IPEndPoint to, ushort firstSequence, int count)
    {
        var packet = new byte[PacketSize];
        for (var i = 0; i < count; i++)
        {
            var sequence = (ushort)(firstSequence + i);
            packet[0] = 0x80; // RTP version 2
            packet[1] = 8;    // PCMA
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence);
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), (uint)(sequence * 160));
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), _ssrc);
            packet.AsSpan(12).Fill((byte)sequence);
            await _socket.SendToAsync(packet, SocketFlags.None, to);
            await Task.Delay(2);
        }
    }

    /// <summary>
    /// The sequence numbers of up to <paramref name="count"/> packets received within <paramref name="timeout"/>,
    /// in arrival order. A packet whose payload does not match its number counts as <c>-1</c> (damaged on the way).
    /// </summary>
    public async Task<List<int>> ReceiveAsync(int count, TimeSpan timeout)
    {
        var received = new List<int>();
        var buffer = new byte[2048];
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (received.Count < count)
            {
                var result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cancel.Token);
                received.Add(Sequence(buffer.AsSpan(0, result.ReceivedBytes)));
            }
        }
        catch (OperationCanceledException)
        {
        }

        return received;
    }

    private static int Sequence(ReadOnlySpan<byte> packet)
    {
        if (packet.Length != PacketSize || packet[0] != 0x80)
        {
            return -1;
        }

        var sequence = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        return packet[12..].ContainsAnyExcept((byte)sequence) ? -1 : sequence;
    }

    /// <summary>The numbers <see cref="SendAsync"/> sends, for comparison with <see cref="ReceiveAsync"/>.</summary>
    public static List<int> Sequences(ushort first, int count) => Enumerable.Range(0, count).Select(i => (int)(ushort)(first + i)).ToList();

    public void Dispose() => _socket.Dispose();
}
