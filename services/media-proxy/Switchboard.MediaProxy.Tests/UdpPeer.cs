using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.MediaProxy.Tests;

/// <summary>A phone's media socket on 127.0.0.1: sends RTP-like packets (12-byte header) and records what arrives.</summary>
internal sealed class UdpPeer : IDisposable
{
    private const int PacketLength = 12 + 160;
    private static readonly TimeSpan ExpectedWithin = TimeSpan.FromSeconds(5); // generous: only a lost packet waits it out
    private readonly Socket _socket;
    private readonly IPAddress _relayAddress;
    private readonly byte[] _receiveBuffer = new byte[2048];

    public UdpPeer() : this(Loopback(), IPAddress.Loopback)
    {
    }

    /// <summary>A phone on an already bound socket (e.g. one made in another network namespace) that sends to <paramref name="relayAddress"/>.</summary>
    public UdpPeer(Socket bound, IPAddress relayAddress)
    {
        _socket = bound;
        _relayAddress = relayAddress;
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public void SendRtp(ushort sequence, int relayPort, uint ssrc = 0x1234)
    {
        var packet = new byte[PacketLength];
        packet[0] = 0x80; // V=2
        packet[1] = 0;    // PT 0 (PCMU)
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), sequence * 160u);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), ssrc);
        _socket.SendTo(packet, new IPEndPoint(_relayAddress, relayPort));
    }

    /// <summary>The sequence number of the next packet, or null when none arrives within <paramref name="timeout"/>.</summary>
    public async Task<ushort?> ReceiveAsync(TimeSpan timeout) =>
        await ReceiveOneAsync(timeout) is { ReceivedBytes: >= 12 } result
            ? BinaryPrimitives.ReadUInt16BigEndian(_receiveBuffer.AsSpan(2))
            : null;

    public Task<ushort?> ReceiveAsync() => ReceiveAsync(ExpectedWithin);

    /// <summary>The source of the next packet (where the relay sends from), or null when none arrives.</summary>
    public async Task<IPEndPoint?> ReceiveSourceAsync() =>
        await ReceiveOneAsync(ExpectedWithin) is { } result ? (IPEndPoint)result.RemoteEndPoint : null;

    /// <summary>True when nothing arrives for a short while.</summary>
    public async Task<bool> StaysSilentAsync() => await ReceiveAsync(TimeSpan.FromMilliseconds(200)) is null;

    public void Dispose() => _socket.Dispose();

    private async Task<SocketReceiveFromResult?> ReceiveOneAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _socket.ReceiveFromAsync(_receiveBuffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cts.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private static Socket Loopback()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }
}
