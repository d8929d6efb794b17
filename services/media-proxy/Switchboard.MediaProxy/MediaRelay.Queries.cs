using Switchboard.MediaProxy.Relay;

namespace Switchboard.MediaProxy;

public sealed partial class MediaRelay
{
    public MediaSessionInfo? GetSession(string callId) =>
        _sessions.TryGetValue(callId, out var session) ? Snapshot(session) : null;

    public IReadOnlyList<MediaSessionInfo> GetSessions()
    {
        var list = new List<MediaSessionInfo>(_sessions.Count);
        foreach (var session in _sessions.Values)
        {
            if (Snapshot(session) is { } info)
                list.Add(info);
        }
        return list;
    }

    internal int SessionCount => _sessions.Count;

    internal int StreamCount => _allocator.ActiveStreams;

    /// <summary>Sum of the counters of live sessions (ended ones are kept by the metrics).</summary>
    internal MediaCounters LiveCounters()
    {
        _kernel?.Harvest();
        var total = default(MediaCounters);
        foreach (var session in _sessions.Values)
        {
            lock (session.Gate)
            {
                if (!session.Ended)
                    total += session.Counters();
            }
        }
        return total;
    }

    private MediaSessionInfo? Snapshot(MediaSession session)
    {
        lock (session.Gate)
        {
            if (session.Ended)
                return null;
            var streams = new List<MediaStreamInfo>(session.Streams.Count);
            foreach (var stream in session.Streams)
            {
                if (stream is null)
                    continue;
                foreach (var socket in stream.Sockets)
                    _kernel?.Harvest(socket); // this call's counters only, not every rule's
                streams.Add(Snapshot(stream));
            }

            var lastActivity = _time.GetUtcNow() - session.Activity.Idle;
            return new MediaSessionInfo(session.CallId, session.Caller.Tag ?? "", session.Callee.Tag, streams,
                session.Counters(), session.CreatedAt, lastActivity);
        }
    }

    private static MediaStreamInfo Snapshot(RelayStream stream)
    {
        var caller = stream.FacingCaller.Rtp.Latch;
        var callee = stream.FacingCallee.Rtp.Latch;
        return new MediaStreamInfo(stream.Index, stream.FacingCaller.RtpPort, stream.FacingCallee.RtpPort,
            caller.EndPoint, callee.EndPoint, caller.Locked, callee.Locked, stream.RtcpMux, stream.Counters);
    }
}
