namespace Switchboard.MediaProxy.Relay;

/// <summary>
/// A call (Call-ID) → two legs (caller, callee) → streams by m= index → socket pairs, as in rtpengine's
/// call → monologue → media → stream_fd. <c>Gate</c> guards the legs' fields, <c>Streams</c>, <c>Ended</c> and
/// the closed-stream counters; the receive loops never take it (they only touch socket-level state and
/// <see cref="Activity"/>, which are lock-free).
/// </summary>
internal sealed class MediaSession(string callId, TimeProvider time)
{
    private MediaCounters _released; // guarded by Gate: counters of streams already closed

    public Lock Gate { get; } = new();
    public string CallId { get; } = callId;
    public MediaLeg Caller { get; } = new(isCaller: true);
    public MediaLeg Callee { get; } = new(isCaller: false);
    public List<RelayStream?> Streams { get; } = []; // guarded by Gate; null = rejected stream, no ports
    public bool Ended { get; set; }                   // guarded by Gate
    public MediaActivity Activity { get; } = new(time);
    public DateTimeOffset CreatedAt { get; } = time.GetUtcNow();

    public MediaLeg? LegByTag(string tag) =>
        Caller.Tag == tag ? Caller : Callee.Tag == tag ? Callee : null;

    public MediaLeg Other(MediaLeg leg) => leg.IsCaller ? Callee : Caller;

    /// <summary>Sum over live and closed streams; call under Gate.</summary>
    public MediaCounters Counters()
    {
        var total = _released;
        foreach (var stream in Streams)
            total += stream?.Counters ?? default;
        return total;
    }

    /// <summary>Detaches stream <paramref name="index"/> (if any) and keeps its counters; call under Gate.</summary>
    public RelayStream? Detach(int index)
    {
        if (index >= Streams.Count || Streams[index] is not { } stream)
            return null;
        Streams[index] = null;
        _released += stream.Counters;
        return stream;
    }

    public void Set(int index, RelayStream stream)
    {
        while (Streams.Count <= index)
            Streams.Add(null);
        Streams[index] = stream;
    }
}
