using Switchboard.MediaProxy.Relay.Epoll;

namespace Switchboard.MediaProxy.Relay.Kernel;

/// <summary>
/// The forwarding map and program, attached at the ingress of the given interfaces (tcx links: several relay
/// processes on one host each chain their own program; a miss passes to the next). Closing the links detaches
/// the program, which the kernel also does when the process dies, so nothing outlives the relay.
/// </summary>
internal sealed class KernelForwarder : IDisposable
{
    private readonly int _mapFd;
    private readonly int _programFd;
    private const int ENoDev = 19;
    private readonly Dictionary<int, int> _links = []; // interface index → tcx link fd; guarded by itself
    private int _disposed;

    /// <param name="maxRules">Size of the map.</param>
    /// <param name="interfaceIndexes">Where to attach.</param>
    /// <param name="skipVanished">Skip an interface removed since it was listed (a container's veth going away) instead of failing.</param>
    public KernelForwarder(int maxRules, IReadOnlyList<int> interfaceIndexes, bool skipVanished = false)
    {
        _mapFd = BpfSyscall.CreateHashMap("sb_relay_rules", ForwardingRule.KeySize, ForwardingRule.ValueSize, maxRules);
        try
        {
            _programFd = BpfSyscall.LoadTcProgram("sb_relay_fwd", ForwardingProgram.Build(_mapFd), BpfSyscall.AttachTcxIngress);
            Attach(interfaceIndexes, skipVanished);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public int AttachedInterfaces
    {
        get
        {
            lock (_links)
                return _links.Count;
        }
    }

    /// <summary>Attaches to these interfaces (those not attached yet) and detaches from the others.</summary>
    public void Reconcile(IReadOnlyCollection<int> interfaceIndexes)
    {
        lock (_links)
        {
            foreach (var gone in _links.Keys.Where(index => !interfaceIndexes.Contains(index)).ToList())
            {
                LinuxInterop.Close(_links[gone]);
                _links.Remove(gone);
            }
        }

        Attach(interfaceIndexes, skipVanished: true);
    }

    private void Attach(IEnumerable<int> interfaceIndexes, bool skipVanished)
    {
        lock (_links)
        {
            foreach (var index in interfaceIndexes)
            {
                if (_links.ContainsKey(index))
                    continue;
                try
                {
                    _links[index] = BpfSyscall.AttachTcx(_programFd, index, BpfSyscall.AttachTcxIngress);
                }
                catch (BpfException e) when (skipVanished && e.Errno == ENoDev)
                {
                    // listed a moment ago, gone now: nothing arrives on it any more
                }
            }
        }
    }

    public void Install(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => BpfSyscall.Update(_mapFd, key, value);

    /// <summary>The rule's counters; false when it is not installed.</summary>
    public bool TryRead(ReadOnlySpan<byte> key, out MediaCounters counters)
    {
        Span<byte> value = stackalloc byte[ForwardingRule.ValueSize];
        counters = default;
        if (!BpfSyscall.Lookup(_mapFd, key, value))
            return false;
        counters = ForwardingRule.ReadCounters(value);
        return true;
    }

    public bool Remove(ReadOnlySpan<byte> key) => BpfSyscall.Delete(_mapFd, key);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        lock (_links)
        {
            foreach (var link in _links.Values)
                LinuxInterop.Close(link);
            _links.Clear();
        }

        if (_programFd > 0)
            LinuxInterop.Close(_programFd);
        if (_mapFd > 0)
            LinuxInterop.Close(_mapFd);
    }
}
