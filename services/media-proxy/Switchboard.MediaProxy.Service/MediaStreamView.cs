namespace Switchboard.MediaProxy.Service;

/// <summary>One relayed stream of a <see cref="MediaSessionView"/>.</summary>
public sealed record MediaStreamView(int Index, int CallerPort, int CalleePort, string? CallerPeer, string? CalleePeer,
    bool CallerLatched, bool CalleeLatched, bool RtcpMux, long Packets, long Bytes, long Drops)
{
    public static MediaStreamView From(MediaStreamInfo info) => new(info.Index, info.CallerPort, info.CalleePort,
        info.CallerPeer?.ToString(), info.CalleePeer?.ToString(), info.CallerLatched, info.CalleeLatched, info.RtcpMux,
        info.Counters.Packets, info.Counters.Bytes, info.Counters.Drops);
}
