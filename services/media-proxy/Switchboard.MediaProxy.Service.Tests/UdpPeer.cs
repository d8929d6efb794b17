using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.MediaProxy.Service.Tests;

/// <summary>A phone's media socket on 127.0.0.1: sends RTP packets (12-byte header + 160 bytes) and reads what arrives.</summary>
internal sealed class UdpPeer : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly byte[] _receiveBuffer = new byte[2048];

    public UdpPeer()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public void SendRtp(ushort sequence, int relayPort)
    {
        var packet = new byte[12 + 160];
        packet[0] = 0x80; // V=2, PT 0 (PCMU)
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), sequence * 160u);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), 0x1234u);
        _socket.SendTo(packet, new IPEndPoint(IPAddress.Loopback, relayPort));
    }

    /// <summary>The RTP sequence number of the next packet, or null when none arrives within <paramref name="timeout"/>.</summary>
    public async Task<ushort?> ReceiveAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            var result = await _socket.ReceiveFromAsync(_receiveBuffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cts.Token);
            return result.ReceivedBytes >= 12 ? BinaryPrimitives.ReadUInt16BigEndian(_receiveBuffer.AsSpan(2)) : null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public Task<ushort?> ReceiveAsync() => ReceiveAsync(TimeSpan.FromSeconds(2));

    public void Dispose() => _socket.Dispose();
}
