using Microsoft.Extensions.Logging;
using Switchboard.MediaProxy.Relay;

namespace Switchboard.MediaProxy;

public sealed partial class MediaRelay
{
    /// <summary>
    /// Removes sessions idle (no relayed packet, no signalling) for longer than the media timeout and raises
    /// <see cref="SessionTimedOut"/> for each, outside every lock. Runs on the TimeProvider's timer.
    /// </summary>
    internal void SweepTimedOut()
    {
        _kernel?.Harvest(); // what the kernel relayed counts as activity
        _kernel?.FollowInterfaces();
        List<MediaSessionTimedOut>? timedOut = null;
        foreach (var session in _sessions.Values)
        {
            if (session.Activity.Idle < _options.MediaTimeout)
                continue;
            lock (session.Gate)
            {
                if (session.Ended || session.Activity.Idle < _options.MediaTimeout)
                    continue;
                var counters = session.Counters();
                EndLocked(session);
                (timedOut ??= []).Add(new MediaSessionTimedOut(session.CallId, counters, _time.GetUtcNow()));
            }
        }

        foreach (var item in timedOut ?? [])
        {
            _metrics.TimedOut();
            _logger.LogInformation("Media session {CallId} timed out", item.CallId);
            Raise(item);
        }
    }

    private void Raise(MediaSessionTimedOut item)
    {
        try
        {
            SessionTimedOut?.Invoke(item);
        }
        catch (Exception e)
        {
            // A failing subscriber must not stop the sweep timer.
            _logger.LogError(e, "SessionTimedOut handler failed for {CallId}", item.CallId);
        }
    }
}
