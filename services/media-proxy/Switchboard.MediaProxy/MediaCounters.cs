namespace Switchboard.MediaProxy;

/// <summary>Relayed packets and bytes, and packets dropped (stranger after latch, no destination, send error).</summary>
public readonly record struct MediaCounters(long Packets, long Bytes, long Drops)
{
    public static MediaCounters operator +(MediaCounters a, MediaCounters b) =>
        new(a.Packets + b.Packets, a.Bytes + b.Bytes, a.Drops + b.Drops);
}
