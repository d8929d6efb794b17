using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Switchboard.MediaProxy.Tests.Relay.Kernel;

/// <summary>
/// Two phones' networks as real interfaces: network namespaces sbA/sbB (per process) joined to this host by veth
/// pairs, 198.18.1.0/24 and 198.18.2.0/24 (RFC 2544 benchmarking space), the host being .1 in each and the phones' router.
/// Packets between a phone and the relay cross a veth like a NIC, so the kernel path must hand them to the neighbour
/// (bpf_redirect_neigh) instead of up the local stack. Needs root (ip netns, setns), as CI has. Removed on dispose.
/// </summary>
public sealed partial class TwoNetworks : IDisposable
{
    private const int CloneNewNet = 0x40000000;
    private static int _instances;
    private readonly string _suffix = string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Environment.ProcessId % 100_000}{Interlocked.Increment(ref _instances) % 10}"); // interface names: ≤ 15 characters

    public TwoNetworks()
    {
        try
        {
            Add("a", 1);
            Add("b", 2);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public static IPAddress HostA { get; } = IPAddress.Parse("198.18.1.1");
    public static IPAddress PhoneA { get; } = IPAddress.Parse("198.18.1.2");
    public static IPAddress HostB { get; } = IPAddress.Parse("198.18.2.1");
    public static IPAddress PhoneB { get; } = IPAddress.Parse("198.18.2.2");

    /// <summary>The test classes that build these networks share the addresses, so they never run at once.</summary>
    public const string Collection = "two networks";

    /// <summary>The host-side interface names (where the relay's program must be attached).</summary>
    public string[] HostInterfaces => [HostInterface("a"), HostInterface("b")];

    /// <summary>A UDP socket bound inside network <paramref name="side"/> ("a" or "b") on the phone's address.</summary>
    public Socket PhoneSocket(string side)
    {
        Socket? socket = null;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            // setns moves only this thread; a socket keeps the namespace it was made in.
            using var home = File.OpenHandle("/proc/thread-self/ns/net");
            using var target = File.OpenHandle($"/var/run/netns/{Namespace(side)}");
            try
            {
                if (SetNs((int)target.DangerousGetHandle(), CloneNewNet) != 0)
                    throw new InvalidOperationException($"setns failed (errno {Marshal.GetLastPInvokeError()})");
                socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                socket.Bind(new IPEndPoint(side == "a" ? PhoneA : PhoneB, 0));
            }
            catch (Exception e)
            {
                error = e;
            }
            finally
            {
                SetNs((int)home.DangerousGetHandle(), CloneNewNet);
            }
        });
        thread.Start();
        thread.Join();
        return socket ?? throw new InvalidOperationException("no socket in the phone's namespace", error);
    }

    public void Dispose()
    {
        foreach (var side in new[] { "a", "b" })
        {
            Ip(false, "link", "del", HostInterface(side)); // takes its peer in the namespace with it
            Ip(false, "netns", "del", Namespace(side));
        }
    }

    private void Add(string side, int subnet)
    {
        var (ns, host) = (Namespace(side), HostInterface(side));
        Ip(true, "netns", "add", ns);
        Ip(true, "link", "add", host, "type", "veth", "peer", "name", "eth0", "netns", ns);
        Ip(true, "addr", "add", $"198.18.{subnet}.1/24", "dev", host);
        Ip(true, "link", "set", host, "up");
        Ip(true, "-n", ns, "addr", "add", $"198.18.{subnet}.2/24", "dev", "eth0");
        Ip(true, "-n", ns, "link", "set", "eth0", "up");
        Ip(true, "-n", ns, "link", "set", "lo", "up");
        Ip(true, "-n", ns, "route", "add", "default", "via", $"198.18.{subnet}.1");
    }

    private string Namespace(string side) => $"sb{side}{_suffix}";

    private string HostInterface(string side) => $"sbv{side}{_suffix}";

    private static void Ip(bool check, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("ip", arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(10_000))
        {
            process.Kill(); // bounded: a hung ip must not hang the test run
            process.WaitForExit();
        }

        if (check && process.ExitCode != 0)
            throw new InvalidOperationException($"ip {string.Join(' ', arguments)}: {error.Result.Trim()}");
    }

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int SetNs(int fd, int nsType);
}
