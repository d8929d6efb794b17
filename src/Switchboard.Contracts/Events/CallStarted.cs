namespace Switchboard.Contracts.Events;

/// <summary>An initial INVITE was accepted for routing.</summary>
public sealed record CallStarted(string CallId, string From, string To, DateTimeOffset StartedAt);
