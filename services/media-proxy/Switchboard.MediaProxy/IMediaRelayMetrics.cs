namespace Switchboard.MediaProxy;

/// <summary>Totals since start (ended sessions included); the host maps them to Prometheus.</summary>
public interface IMediaRelayMetrics
{
    int ActiveSessions { get; }
    int ActiveStreams { get; }
    int PortPairsInUse { get; }
    int PortPairsFree { get; }
    int PortPairsInQuarantine { get; }
    long PacketsRelayed { get; }
    long BytesRelayed { get; }
    long PacketsDropped { get; }
    long SessionsTimedOut { get; }
    long AllocationFailures { get; }
    /// <summary>Stream directions relayed inside the kernel right now (<see cref="MediaRelayOptions.KernelForwarding"/>).</summary>
    int KernelRules { get; }
    /// <summary>Of <see cref="PacketsRelayed"/>, those the kernel relayed.</summary>
    long KernelPacketsRelayed { get; }

    /// <summary>
    /// The packet figures above read together: one pass over the live sessions and the kernel's counters, where each
    /// of the properties makes its own (a scrape wants this).
    /// </summary>
    MediaTraffic Traffic();
}
