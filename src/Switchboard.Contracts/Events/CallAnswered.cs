namespace Switchboard.Contracts.Events;

/// <summary>A 2xx final response was relayed for the initial INVITE.</summary>
public sealed record CallAnswered(
    string CallId, string From, string To, DateTimeOffset StartedAt, DateTimeOffset AnsweredAt, int Status);
