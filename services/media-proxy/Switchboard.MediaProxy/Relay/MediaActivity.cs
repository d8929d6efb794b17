namespace Switchboard.MediaProxy.Relay;

/// <summary>
/// When a session last saw a relayed packet or a signalling operation. Written lock-free by every receive loop of
/// the session (last writer wins; any recent value is good enough for a timeout measured in seconds).
/// </summary>
internal sealed class MediaActivity(TimeProvider time)
{
    private long _lastTimestamp = time.GetTimestamp();

    public void Touch() => Volatile.Write(ref _lastTimestamp, time.GetTimestamp());

    public TimeSpan Idle => time.GetElapsedTime(Volatile.Read(ref _lastTimestamp));
}
