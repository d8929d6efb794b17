using Microsoft.Extensions.Hosting;
using Prometheus;

namespace Switchboard.MediaProxy.Service;

/// <summary>
/// Copies <see cref="IMediaRelayMetrics"/> into Prometheus metrics just before each scrape (a before-collect callback),
/// so the packet path keeps its own cheap Interlocked counters and never touches prometheus-net.
/// </summary>
internal sealed class MediaRelayMetricsExporter : IHostedService
{
    private readonly IMediaRelay _relay;
    private readonly CollectorRegistry _registry;
    private readonly Gauge _sessions, _streams, _pairsInUse, _pairsFree, _pairsQuarantined, _kernelRules;
    private readonly Counter _kernelPackets, _packets, _bytes, _drops, _timeouts, _allocationFailures;

    public MediaRelayMetricsExporter(IMediaRelay relay, CollectorRegistry registry)
    {
        _relay = relay;
        _registry = registry;
        var factory = Metrics.WithCustomRegistry(registry);
        _sessions = factory.CreateGauge("switchboard_media_sessions", "Media relay sessions (calls) in progress.");
        _streams = factory.CreateGauge("switchboard_media_streams", "Relayed streams (m= lines) in progress.");
        _pairsInUse = factory.CreateGauge("switchboard_media_port_pairs_in_use", "RTP/RTCP port pairs held by streams.");
        _pairsFree = factory.CreateGauge("switchboard_media_port_pairs_free", "RTP/RTCP port pairs free to allocate.");
        _pairsQuarantined = factory.CreateGauge("switchboard_media_port_pairs_quarantined", "Port pairs freed but held back for the release delay.");
        _kernelRules = factory.CreateGauge("switchboard_media_kernel_rules", "Stream directions relayed inside the kernel (eBPF) right now.");
        _kernelPackets = factory.CreateCounter("switchboard_media_kernel_packets_relayed_total", "Of the packets relayed, those relayed inside the kernel (eBPF).");
        _packets = factory.CreateCounter("switchboard_media_packets_relayed_total", "RTP/RTCP packets relayed.");
        _bytes = factory.CreateCounter("switchboard_media_bytes_relayed_total", "UDP payload bytes relayed.");
        _drops = factory.CreateCounter("switchboard_media_packets_dropped_total", "Packets dropped (unlatched source, no destination, send error).");
        _timeouts = factory.CreateCounter("switchboard_media_sessions_timed_out_total", "Sessions removed for lack of media and signalling.");
        _allocationFailures = factory.CreateCounter("switchboard_media_allocation_failures_total", "Offers that found no free port pair.");
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A registry cannot drop a callback; the exporter lives as long as the host (and the registry it was given).
        _registry.AddBeforeCollectCallback(Update);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal void Update()
    {
        var m = _relay.Metrics;
        _sessions.Set(m.ActiveSessions);
        _streams.Set(m.ActiveStreams);
        _pairsInUse.Set(m.PortPairsInUse);
        _pairsFree.Set(m.PortPairsFree);
        _pairsQuarantined.Set(m.PortPairsInQuarantine);
        _kernelRules.Set(m.KernelRules);
        var traffic = m.Traffic();
        _packets.IncTo(traffic.Relayed.Packets);
        _kernelPackets.IncTo(traffic.KernelPackets);
        _bytes.IncTo(traffic.Relayed.Bytes);
        _drops.IncTo(traffic.Relayed.Drops);
        _timeouts.IncTo(m.SessionsTimedOut);
        _allocationFailures.IncTo(m.AllocationFailures);
    }
}
