using System.Net;
using System.Net.Sockets;

namespace Switchboard.MediaProxy.Relay;

/// <summary>
/// Where a relay socket sends to its leg, and whether that was learned from the leg's own packets
/// (symmetric RTP, RFC 4961; latching, RFC 7362). Immutable: a socket swaps the whole object, so the
/// hot path reads address and lock state together without a lock.
/// </summary>
internal sealed record PeerLatch(SocketAddress? Address, bool Locked)
{
    public static PeerLatch Unknown { get; } = new(null, false);

    /// <summary>The address the SDP gave, not yet confirmed by a packet; null when unknown or on hold.</summary>
    public static PeerLatch FromSdp(IPEndPoint? endPoint, AddressFamily socketFamily)
    {
        if (endPoint is null)
            return Unknown;
        var address = endPoint.Address;
        if (socketFamily == AddressFamily.InterNetworkV6 && address.AddressFamily == AddressFamily.InterNetwork)
            address = address.MapToIPv6();
        return address.AddressFamily == socketFamily
            ? new PeerLatch(new IPEndPoint(address, endPoint.Port).Serialize(), false)
            : Unknown;
    }

    /// <summary>Locks onto a packet's source; copies it because the receive loop reuses its address buffer.</summary>
    public static PeerLatch LockedTo(SocketAddress source)
    {
        var copy = new SocketAddress(source.Family, source.Size);
        source.Buffer.Span[..source.Size].CopyTo(copy.Buffer.Span);
        return new PeerLatch(copy, true);
    }

    /// <summary>Locks onto a raw sockaddr as the kernel wrote it (.NET's SocketAddress keeps the same bytes).</summary>
    public static PeerLatch LockedTo(ReadOnlySpan<byte> source, AddressFamily family)
    {
        var copy = new SocketAddress(family, source.Length);
        source.CopyTo(copy.Buffer.Span);
        return new PeerLatch(copy, true);
    }

    public IPEndPoint? EndPoint =>
        Address is null ? null : (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(Address);
}
