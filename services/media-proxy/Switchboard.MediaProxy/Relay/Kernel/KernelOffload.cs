using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;

namespace Switchboard.MediaProxy.Relay.Kernel;

/// <summary>
/// Hands latched streams to the kernel and takes them back. Once both legs of a socket pair have spoken
/// (latched and locked), the socket's direction gets a rule: its peer's packets go to the partner's peer with the
/// partner's port as source, as the user-space relay would send them. Anything that changes where a leg is
/// (new SDP, close) withdraws the rules of both directions first, so the kernel never sends to a stale peer;
/// a stranger still lands on the socket, where the latch drops it. The kernel's counters are folded into the
/// sockets' counters and activity when harvested (timeout sweep, metrics, session queries).
/// </summary>
internal sealed partial class KernelOffload : IDisposable
{
    private readonly KernelForwarder _forwarder;
    private readonly KernelRoutes _routes;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<RelaySocket, InstalledRule> _rules = new(ReferenceEqualityComparer.Instance);
    private readonly bool _everyInterface;
    private readonly TimeProvider _time;
    private long _interfacesListedAt;
    private long _packetsRelayed;

    private static readonly TimeSpan InterfacesLifetime = TimeSpan.FromSeconds(30);

    private KernelOffload(KernelForwarder forwarder, KernelRoutes routes, ILogger logger, bool everyInterface, TimeProvider time)
    {
        _forwarder = forwarder;
        _routes = routes;
        _logger = logger;
        _everyInterface = everyInterface;
        _time = time;
        _interfacesListedAt = time.GetTimestamp();
    }

    public int AttachedInterfaces => _forwarder.AttachedInterfaces;

    public int Rules => _rules.Count;

    /// <summary>Packets the kernel relayed, as far as harvested (they are in the sockets' counters too).</summary>
    public long PacketsRelayed => Interlocked.Read(ref _packetsRelayed);

    /// <summary>The kernel path as configured, or null (off, or Auto without the privileges or kernel support).</summary>
    public static KernelOffload? Start(MediaRelayOptions options, TimeProvider time, ILogger logger)
    {
        if (options.KernelForwarding == KernelForwardingMode.Off)
            return null;
        try
        {
            var everyInterface = options.KernelInterfaces.Length == 0;
            var maxRules = Math.Max(64, options.PortRangeEnd - options.PortRangeStart + 1);
            var forwarder = new KernelForwarder(maxRules, KernelRoutes.InterfaceIndexes(options.KernelInterfaces), skipVanished: everyInterface);
            LogStarted(logger, forwarder.AttachedInterfaces, maxRules);
            return new KernelOffload(forwarder, new KernelRoutes(time), logger, everyInterface, time);
        }
        catch (Exception e) when (e is BpfException or PlatformNotSupportedException && options.KernelForwarding == KernelForwardingMode.Auto)
        {
            LogUnavailable(logger, e.Message);
            return null;
        }
    }

    /// <summary>
    /// Called by the socket's pump after it relayed packets, while the socket has no rule: installs one when both
    /// legs are latched and nothing waits on the socket (a packet still queued there would otherwise reach the other
    /// leg after newer ones the kernel already took). Only the socket's pump calls this for a socket, so installs of
    /// one socket never overlap.
    /// </summary>
    public void TryInstall(RelaySocket socket)
    {
        var partner = socket.Partner;
        var own = socket.Latch;
        var target = partner?.Latch;
        if (partner is null || !own.Locked || target is not { Locked: true } || Queued(socket) || !socket.TryClaimOffload())
            return;
        if (Ipv4(own.EndPoint) is not { } peer || Ipv4(target.EndPoint) is not { } destination
            || _routes.Resolve(destination.Address) is not { } route)
            return; // stays with the user-space relay (IPv6, no route); claimed, so not tried per packet

        var rule = new InstalledRule(new byte[ForwardingRule.KeySize]);
        ForwardingRule.WriteKey(rule.Key, peer, socket.Port);
        Span<byte> value = stackalloc byte[ForwardingRule.ValueSize];
        ForwardingRule.WriteValue(value, new IPEndPoint(SourceOf(partner, route), partner.Port), destination, route.InterfaceIndex, route.Handover);
        if (Queued(socket))
        {
            socket.ReleaseOffload(); // the next relayed batch tries again
            return;
        }

        try
        {
            _forwarder.Install(rule.Key, value);
        }
        catch (BpfException e)
        {
            // a full map: this direction stays in user space
            LogInstallFailed(_logger, socket.Port, e.Message);
            return;
        }

        _rules[socket] = rule;
        // Signalling may have moved a leg or closed the socket while we installed: then the rule must go.
        if (!ReferenceEquals(socket.Latch, own) || !ReferenceEquals(partner.Latch, target) || socket.Closed || partner.Closed)
            Withdraw(socket);
    }

    /// <summary>The socket's leg moved or the socket closes: removes its rule and its partner's (which sends to that leg).</summary>
    public void Withdraw(RelaySocket socket)
    {
        Remove(socket);
        if (socket.Partner is { } partner)
            Remove(partner);
    }

    /// <summary>
    /// With every interface wanted, follows interfaces that came or went since the last look (at most every 30 s;
    /// called from the timeout sweep): a VLAN, VPN or container veth added after the start gets the program too.
    /// </summary>
    public void FollowInterfaces()
    {
        if (!_everyInterface || _time.GetElapsedTime(Interlocked.Read(ref _interfacesListedAt)) < InterfacesLifetime)
            return;
        Interlocked.Exchange(ref _interfacesListedAt, _time.GetTimestamp());
        try
        {
            _forwarder.Reconcile(KernelRoutes.InterfaceIndexes([]).ToHashSet());
        }
        catch (BpfException e)
        {
            LogInterfacesNotFollowed(_logger, e.Message);
        }
    }

    /// <summary>Adds what the kernel relayed since the last harvest to the sockets' counters and activity.</summary>
    public void Harvest()
    {
        foreach (var (socket, rule) in _rules)
            Fold(socket, rule);
    }

    /// <summary>As <see cref="Harvest()"/> for one socket (nothing when it has no rule).</summary>
    public void Harvest(RelaySocket socket)
    {
        if (_rules.TryGetValue(socket, out var rule))
            Fold(socket, rule);
    }

    public void Dispose()
    {
        Harvest();
        _forwarder.Dispose();
    }

    private void Remove(RelaySocket socket)
    {
        if (_rules.TryRemove(socket, out var rule))
        {
            Fold(socket, rule);
            _forwarder.Remove(rule.Key);
        }

        socket.ReleaseOffload();
    }

    private void Fold(RelaySocket socket, InstalledRule rule)
    {
        if (!_forwarder.TryRead(rule.Key, out var counters))
            return;
        lock (rule)
        {
            var packets = counters.Packets - rule.Reported.Packets;
            if (packets <= 0)
                return;
            socket.Count((int)Math.Min(packets, int.MaxValue), counters.Bytes - rule.Reported.Bytes);
            socket.Activity.Touch();
            Interlocked.Add(ref _packetsRelayed, packets);
            rule.Reported = counters;
        }
    }

    /// <summary>Where the partner's own sendto would come from: its bound address, or the route's choice when bound to any.</summary>
    private static IPAddress SourceOf(RelaySocket partner, KernelRoute route)
    {
        var bound = (partner.Socket.LocalEndPoint as IPEndPoint)?.Address;
        if (bound is null || bound.Equals(IPAddress.Any) || bound.Equals(IPAddress.IPv6Any))
            return route.Source;
        return bound.IsIPv4MappedToIPv6 ? bound.MapToIPv4() : bound;
    }

    private static bool Queued(RelaySocket socket)
    {
        try
        {
            return socket.Socket.Available > 0;
        }
        catch (Exception e) when (e is ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            return true; // closing: no rule
        }
    }

    private static IPEndPoint? Ipv4(IPEndPoint? endPoint) => endPoint switch
    {
        { Address.IsIPv4MappedToIPv6: true } => new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port),
        { } when ForwardingRule.Supports(endPoint) => endPoint,
        _ => null,
    };

    /// <summary>A rule in the map and how much of its counters the socket already has.</summary>
    private sealed class InstalledRule(byte[] key)
    {
        public byte[] Key { get; } = key;
        public MediaCounters Reported { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Kernel forwarding on: eBPF program attached to {Interfaces} interfaces, up to {MaxRules} rules")]
    private static partial void LogStarted(ILogger logger, int interfaces, int maxRules);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kernel forwarding unavailable, relaying in user space: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kernel forwarding could not follow the interfaces: {Reason}")]
    private static partial void LogInterfacesNotFollowed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kernel rule for relay port {Port} not installed: {Reason}")]
    private static partial void LogInstallFailed(ILogger logger, int port, string reason);
}
