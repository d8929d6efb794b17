using System.Runtime.InteropServices;
using static Switchboard.MediaProxy.Relay.Epoll.LinuxInterop;

namespace Switchboard.MediaProxy.Relay.Epoll;

/// <summary>
/// One loop's native buffers, allocated once: <see cref="Size"/> receive slots (packet, source sockaddr, iovec,
/// mmsghdr) for recvmmsg, and as many outgoing headers for sendmmsg that point into the same packet memory and
/// share one destination sockaddr (a batch comes from one socket, so it goes to one peer). Native memory never
/// moves, so nothing is pinned per call; used by the loop thread only.
/// </summary>
internal sealed unsafe class RelayBatch : IDisposable
{
    public const int Size = 32;
    public const int PacketCapacity = 2048;
    private const int NameCapacity = 32; // sockaddr_in6 is 28 bytes

    private readonly byte* _block;
    private uint _destinationLength;

    public RelayBatch()
    {
        var headers = (nuint)(2 * Size * sizeof(MmsgHdr));
        var vectors = (nuint)(2 * Size * sizeof(IoVec));
        var names = (nuint)((Size + 1) * NameCapacity);
        _block = (byte*)NativeMemory.AlignedAlloc(headers + vectors + names + (nuint)(Size * PacketCapacity), 64);
        NativeMemory.Clear(_block, headers + vectors + names);
        Received = (MmsgHdr*)_block;
        Outgoing = Received + Size;
        var receivedIov = (IoVec*)(_block + headers);
        var outgoingIov = receivedIov + Size;
        var nameArea = _block + headers + vectors;
        Destination = nameArea + Size * NameCapacity;
        var packets = nameArea + names;
        for (var i = 0; i < Size; i++)
        {
            receivedIov[i] = new IoVec { Base = packets + i * PacketCapacity, Length = PacketCapacity };
            Received[i].Header = new MsgHdr { Name = nameArea + i * NameCapacity, Iov = receivedIov + i, IovLength = 1 };
            Outgoing[i].Header = new MsgHdr { Name = Destination, Iov = outgoingIov + i, IovLength = 1 };
        }
    }

    public MmsgHdr* Received { get; }

    public MmsgHdr* Outgoing { get; }

    /// <summary>The peer every outgoing message of the current batch is sent to.</summary>
    public byte* Destination { get; }

    /// <summary>recvmmsg writes each source's length back into the header: restore the capacity first.</summary>
    public void PrepareReceive()
    {
        for (var i = 0; i < Size; i++)
            Received[i].Header.NameLength = NameCapacity;
    }

    public ReadOnlySpan<byte> Source(int index) =>
        new(Received[index].Header.Name, (int)Math.Min(Received[index].Header.NameLength, NameCapacity));

    public bool SetDestination(ReadOnlySpan<byte> sockaddr)
    {
        if (sockaddr.Length > NameCapacity)
            return false;
        sockaddr.CopyTo(new Span<byte>(Destination, NameCapacity));
        _destinationLength = (uint)sockaddr.Length;
        return true;
    }

    /// <summary>Makes outgoing message <paramref name="slot"/> carry received packet <paramref name="index"/>.</summary>
    public void Queue(int slot, int index)
    {
        Outgoing[slot].Header.NameLength = _destinationLength;
        Outgoing[slot].Header.Iov->Base = Received[index].Header.Iov->Base;
        Outgoing[slot].Header.Iov->Length = Received[index].Length;
    }

    public void Dispose() => NativeMemory.AlignedFree(_block);
}
