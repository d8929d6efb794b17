namespace Switchboard.MediaProxy;

/// <summary>Raised when a session saw no media or signalling for <see cref="MediaRelayOptions.MediaTimeout"/>.</summary>
public sealed record MediaSessionTimedOut(string CallId, MediaCounters Counters, DateTimeOffset At);
