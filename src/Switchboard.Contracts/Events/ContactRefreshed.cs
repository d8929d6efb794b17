namespace Switchboard.Contracts.Events;

/// <summary>An existing binding was re-registered (its expiry moved).</summary>
public sealed record ContactRefreshed(
    string Aor, string ContactUri, string? InstanceId, int ExpiresSeconds, string Flow, DateTimeOffset Time);
