using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Switchboard.MediaProxy.Relay.Kernel;

/// <summary>
/// The layout of one entry of the forwarding map, shared by <see cref="ForwardingProgram"/> and the relay.
/// Key: the latched peer's address and port and the relay port it sends to, in network byte order exactly as
/// the packet carries them (so the program copies the key straight from the headers). Value: the new source
/// (relay address, partner port) and destination (the other leg's latched peer), also in network order, the
/// interface and how to hand the packet over, and counters the program adds to atomically.
/// </summary>
internal static class ForwardingRule
{
    public const int KeySize = 8;
    public const int ValueSize = 40;
    public const short NewAddresses = 0;   // saddr, daddr: 8 bytes, as at IPv4 header offset 12
    public const short NewPorts = 8;       // source port, destination port: 4 bytes, as at UDP offset 0
    public const short InterfaceIndex = 12;
    public const short Handover = 16;
    public const short Packets = 24;
    public const short Bytes = 32;

    /// <summary>Deliver on this host: the rewritten packet goes on up the stack (TC_ACT_OK).</summary>
    public const uint DeliverLocally = 1;
    /// <summary>Send out of the interface, the kernel filling in the next hop's MAC (bpf_redirect_neigh).</summary>
    public const uint SendToNeighbour = 2;

    public static bool Supports(IPEndPoint endPoint) => endPoint.AddressFamily == AddressFamily.InterNetwork;

    public static void WriteKey(Span<byte> key, IPEndPoint peer, int relayPort)
    {
        peer.Address.TryWriteBytes(key[..4], out _);
        BinaryPrimitives.WriteUInt16BigEndian(key[4..], (ushort)peer.Port);
        BinaryPrimitives.WriteUInt16BigEndian(key[6..], (ushort)relayPort);
    }

    public static void WriteValue(Span<byte> value, IPEndPoint from, IPEndPoint to, int interfaceIndex, uint handover)
    {
        value.Clear();
        from.Address.TryWriteBytes(value[NewAddresses..], out _);
        to.Address.TryWriteBytes(value[(NewAddresses + 4)..], out _);
        BinaryPrimitives.WriteUInt16BigEndian(value[NewPorts..], (ushort)from.Port);
        BinaryPrimitives.WriteUInt16BigEndian(value[(NewPorts + 2)..], (ushort)to.Port);
        MemoryMarshal.Write(value[InterfaceIndex..], (uint)interfaceIndex);
        MemoryMarshal.Write(value[Handover..], handover);
    }

    /// <summary>The counters as the program left them (host byte order: the program adds natively).</summary>
    public static MediaCounters ReadCounters(ReadOnlySpan<byte> value) =>
        new(MemoryMarshal.Read<long>(value[Packets..]), MemoryMarshal.Read<long>(value[Bytes..]), 0);
}
