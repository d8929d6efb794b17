namespace Switchboard.MediaProxy;

/// <summary>Relayed packets, bytes and drops since start (ended sessions included), and how many of the packets the kernel relayed.</summary>
public readonly record struct MediaTraffic(MediaCounters Relayed, long KernelPackets);
