using System.Runtime.InteropServices;
using System.Text;

namespace Switchboard.MediaProxy.Relay.Kernel;

/// <summary>
/// The bpf(2) commands the kernel forwarding path uses, through libc's syscall() (glibc has no bpf wrapper).
/// Attribute blocks follow union bpf_attr; fields the kernel does not know must be zero, so each block is a
/// zeroed struct of exactly the fields used.
/// </summary>
internal static unsafe partial class BpfSyscall
{
    private const int MapCreate = 0, MapLookupElem = 1, MapUpdateElem = 2, MapDeleteElem = 3, ProgLoad = 5, LinkCreate = 28;
    private const uint MapTypeHash = 1, ProgTypeSchedCls = 3;
    public const uint AttachTcxIngress = 46;
    private const int ENoEnt = 2;

    private static readonly long SyscallNumber = RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 321,
        Architecture.Arm64 => 280,
        _ => -1,
    };

    public static bool Supported => OperatingSystem.IsLinux() && SyscallNumber > 0;

    /// <summary>A hash map; returns its fd.</summary>
    public static int CreateHashMap(string name, int keySize, int valueSize, int maxEntries)
    {
        var attr = new MapCreateAttr { MapType = MapTypeHash, KeySize = (uint)keySize, ValueSize = (uint)valueSize, MaxEntries = (uint)maxEntries };
        WriteName(new Span<byte>(attr.Name, 16), name);
        return Check(Bpf(MapCreate, &attr, sizeof(MapCreateAttr)), "BPF_MAP_CREATE");
    }

    public static void Update(int mapFd, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        fixed (byte* k = key, v = value)
        {
            var attr = new ElemAttr { MapFd = (uint)mapFd, Key = (ulong)k, Value = (ulong)v };
            Check(Bpf(MapUpdateElem, &attr, sizeof(ElemAttr)), "BPF_MAP_UPDATE_ELEM");
        }
    }

    /// <summary>False when the key is absent.</summary>
    public static bool Lookup(int mapFd, ReadOnlySpan<byte> key, Span<byte> value)
    {
        fixed (byte* k = key, v = value)
        {
            var attr = new ElemAttr { MapFd = (uint)mapFd, Key = (ulong)k, Value = (ulong)v };
            return Bpf(MapLookupElem, &attr, sizeof(ElemAttr)) == 0 || Absent("BPF_MAP_LOOKUP_ELEM");
        }
    }

    /// <summary>False when the key was absent.</summary>
    public static bool Delete(int mapFd, ReadOnlySpan<byte> key)
    {
        fixed (byte* k = key)
        {
            var attr = new ElemAttr { MapFd = (uint)mapFd, Key = (ulong)k };
            return Bpf(MapDeleteElem, &attr, sizeof(ElemAttr)) == 0 || Absent("BPF_MAP_DELETE_ELEM");
        }
    }

    /// <summary>Loads a tc (sched_cls) program; on refusal the verifier's log is in the exception.</summary>
    public static int LoadTcProgram(string name, ReadOnlySpan<ulong> instructions, uint expectedAttachType)
    {
        var license = "Dual MIT/GPL\0"u8;
        fixed (ulong* insns = instructions)
        fixed (byte* licensePtr = license)
        {
            var attr = new ProgLoadAttr
            {
                ProgType = ProgTypeSchedCls, InsnCount = (uint)instructions.Length, Insns = (ulong)insns,
                License = (ulong)licensePtr, ExpectedAttachType = expectedAttachType,
            };
            WriteName(new Span<byte>(attr.Name, 16), name);
            var fd = Bpf(ProgLoad, &attr, sizeof(ProgLoadAttr));
            if (fd >= 0)
                return (int)fd;
            var error = Marshal.GetLastPInvokeError();
            // Again with the verifier's log, only to explain the refusal.
            var log = new byte[64 * 1024];
            fixed (byte* logPtr = log)
            {
                attr.LogLevel = 1;
                attr.LogSize = (uint)log.Length;
                attr.LogBuffer = (ulong)logPtr;
                Bpf(ProgLoad, &attr, sizeof(ProgLoadAttr));
            }

            var text = Encoding.ASCII.GetString(log, 0, Math.Max(0, Array.IndexOf(log, (byte)0)));
            throw new BpfException($"BPF_PROG_LOAD refused (errno {error}): {Tail(text)}", error);
        }
    }

    /// <summary>Attaches a program to an interface (tcx, kernel 6.6+); closing the returned link fd detaches it.</summary>
    public static int AttachTcx(int programFd, int interfaceIndex, uint attachType)
    {
        var attr = new LinkCreateAttr { ProgFd = (uint)programFd, TargetIfIndex = (uint)interfaceIndex, AttachType = attachType };
        return Check(Bpf(LinkCreate, &attr, sizeof(LinkCreateAttr)), "BPF_LINK_CREATE");
    }

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, long command, void* attr, long size);

    private static long Bpf(int command, void* attr, int size) =>
        Supported ? Syscall(SyscallNumber, command, attr, size) : throw new PlatformNotSupportedException("eBPF needs Linux on x86-64 or arm64");

    private static int Check(long result, string what)
    {
        if (result >= 0)
            return (int)result;
        var error = Marshal.GetLastPInvokeError();
        throw new BpfException($"{what} failed (errno {error})", error);
    }

    private static bool Absent(string what)
    {
        var error = Marshal.GetLastPInvokeError();
        return error == ENoEnt ? false : throw new BpfException($"{what} failed (errno {error})", error);
    }

    private static void WriteName(Span<byte> target, string name) =>
        Encoding.ASCII.GetBytes(name.AsSpan(0, Math.Min(name.Length, target.Length - 1)), target);

    private static string Tail(string log) => log.Length <= 2000 ? log : "…" + log[^2000..];

    [StructLayout(LayoutKind.Sequential)]
    private struct MapCreateAttr
    {
        public uint MapType, KeySize, ValueSize, MaxEntries, MapFlags, InnerMapFd, NumaNode;
        public fixed byte Name[16];
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ElemAttr
    {
        public uint MapFd, Padding;
        public ulong Key, Value, Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ProgLoadAttr
    {
        public uint ProgType, InsnCount;
        public ulong Insns, License;
        public uint LogLevel, LogSize;
        public ulong LogBuffer;
        public uint KernVersion, ProgFlags;
        public fixed byte Name[16];
        public uint ProgIfIndex, ExpectedAttachType;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct LinkCreateAttr
    {
        public uint ProgFd, TargetIfIndex, AttachType, Flags;
        public uint RelativeFd, Padding;
        public ulong ExpectedRevision;
    }
}
