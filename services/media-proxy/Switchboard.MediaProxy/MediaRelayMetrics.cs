namespace Switchboard.MediaProxy;

/// <summary>Live figures read from the relay plus running totals of ended sessions (Interlocked).</summary>
internal sealed class MediaRelayMetrics(MediaRelay relay) : IMediaRelayMetrics
{
    private long _endedPackets, _endedBytes, _endedDrops, _timedOut, _allocationFailures;

    public int ActiveSessions => relay.SessionCount;
    public int ActiveStreams => relay.StreamCount;
    public int PortPairsInUse => relay.Pool.InUse;
    public int PortPairsFree => relay.Pool.Free;
    public int PortPairsInQuarantine => relay.Pool.InQuarantine;
    public long PacketsRelayed => Traffic().Relayed.Packets;
    public long BytesRelayed => Traffic().Relayed.Bytes;
    public long PacketsDropped => Traffic().Relayed.Drops;
    public long SessionsTimedOut => Interlocked.Read(ref _timedOut);
    public long AllocationFailures => Interlocked.Read(ref _allocationFailures);
    public int KernelRules => relay.Kernel?.Rules ?? 0;
    public long KernelPacketsRelayed => Traffic().KernelPackets;

    public MediaTraffic Traffic()
    {
        var live = relay.LiveCounters(); // harvests the kernel's counters first
        var ended = new MediaCounters(Interlocked.Read(ref _endedPackets), Interlocked.Read(ref _endedBytes), Interlocked.Read(ref _endedDrops));
        return new MediaTraffic(ended + live, relay.Kernel?.PacketsRelayed ?? 0);
    }

    public void AddEnded(MediaCounters counters)
    {
        Interlocked.Add(ref _endedPackets, counters.Packets);
        Interlocked.Add(ref _endedBytes, counters.Bytes);
        Interlocked.Add(ref _endedDrops, counters.Drops);
    }

    public void TimedOut() => Interlocked.Increment(ref _timedOut);

    public void AllocationFailed() => Interlocked.Increment(ref _allocationFailures);
}
