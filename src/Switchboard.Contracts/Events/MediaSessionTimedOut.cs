namespace Switchboard.Contracts.Events;

/// <summary>A media proxy session saw no packets for its idle time and was removed (an abandoned call).</summary>
public sealed record MediaSessionTimedOut(string CallId, string SessionId, DateTimeOffset Time);
