namespace Switchboard.Hosting.Streaming;

/// <summary>
/// Paces the frames of a batched stream: while messages keep coming, at most one frame per interval, so a frame
/// carries what arrived meanwhile; after a quiet interval the first message goes at once. Each frame costs a
/// flush, a socket write and a wake-up on the other side, so bounding the frame rate bounds that cost at any load;
/// the price is at most one interval of added latency per hop.
/// </summary>
public sealed class FramePacer
{
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private long _lastFrame;
    private bool _sentAny;

    /// <param name="interval">Shortest time between two frames; zero sends every time something is waiting.</param>
    public FramePacer(TimeSpan interval, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        _interval = interval;
        _time = time;
    }

    /// <summary>Completes when the next frame may go (at once when the last one is an interval old).</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        if (_interval == TimeSpan.Zero || !_sentAny)
        {
            return Task.CompletedTask;
        }
        var remaining = _interval - _time.GetElapsedTime(_lastFrame);
        if (remaining <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }
        // Timers count whole milliseconds and truncate: round up so a short remainder still waits.
        var wait = TimeSpan.FromMilliseconds(Math.Ceiling(remaining.TotalMilliseconds));
        return Task.Delay(wait, _time, cancellationToken);
    }

    /// <summary>Call after each frame is written.</summary>
    public void FrameSent()
    {
        _lastFrame = _time.GetTimestamp();
        _sentAny = true;
    }
}
