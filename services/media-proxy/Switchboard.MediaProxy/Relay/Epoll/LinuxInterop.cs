using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Switchboard.MediaProxy.Relay.Epoll;

/// <summary>
/// The few libc calls the epoll relay loop (and the kernel path's fds) need (x86-64 and arm64 Linux; constants from the generic Linux ABI).
/// .NET's own socket engine exposes none of these, and its SocketAsyncEngine would register every socket used for
/// an async operation in its own epoll set; the loop's sockets are therefore only ever used through these calls.
/// </summary>
internal static unsafe partial class LinuxInterop
{
    public const int EpollCloexec = 0x80000;
    public const int EpollCtlAdd = 1;
    public const int EpollCtlDel = 2;
    public const uint EpollIn = 0x001;
    public const int EventFdCloexec = 0x80000;
    public const int EventFdNonBlock = 0x800;
    public const int MsgTrunc = 0x20;
    public const int MsgDontWait = 0x40;
    public const int EIntr = 4;
    public const int EAgain = 11;

    /// <summary>epoll_event is packed (12 bytes) on x86-64 and naturally aligned (16 bytes) elsewhere.</summary>
    public static readonly int EpollEventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;

    [LibraryImport("libc", EntryPoint = "epoll_create1", SetLastError = true)]
    public static partial int EpollCreate1(int flags);

    [LibraryImport("libc", EntryPoint = "epoll_ctl", SetLastError = true)]
    public static partial int EpollCtl(int epfd, int op, int fd, byte* events);

    [LibraryImport("libc", EntryPoint = "epoll_wait", SetLastError = true)]
    public static partial int EpollWait(int epfd, byte* events, int maxEvents, int timeout);

    [LibraryImport("libc", EntryPoint = "eventfd", SetLastError = true)]
    public static partial int EventFd(uint initial, int flags);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, void* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, void* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "recvmmsg", SetLastError = true)]
    public static partial int RecvMmsg(int fd, MmsgHdr* messages, uint count, int flags, void* timeout);

    [LibraryImport("libc", EntryPoint = "sendmmsg", SetLastError = true)]
    public static partial int SendMmsg(int fd, MmsgHdr* messages, uint count, int flags);

    /// <summary>Writes an epoll_event (events, data) into <paramref name="target"/> in the platform's layout.</summary>
    public static void WriteEvent(byte* target, uint events, ulong data)
    {
        *(uint*)target = events;
        Unsafe.WriteUnaligned(target + EpollEventSize - 8, data);
    }

    public static uint EventFlags(byte* events, int index) => *(uint*)(events + index * EpollEventSize);

    public static ulong EventData(byte* events, int index) =>
        Unsafe.ReadUnaligned<ulong>(events + index * EpollEventSize + EpollEventSize - 8);

    [StructLayout(LayoutKind.Sequential)]
    public struct IoVec
    {
        public void* Base;
        public nuint Length;
    }

    /// <summary>struct msghdr (LP64 layout: the compiler pads after msg_namelen and msg_flags as C does).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct MsgHdr
    {
        public void* Name;
        public uint NameLength;
        public IoVec* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct MmsgHdr
    {
        public MsgHdr Header;
        public uint Length;
    }
}
