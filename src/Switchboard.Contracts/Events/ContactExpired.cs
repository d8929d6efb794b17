namespace Switchboard.Contracts.Events;

/// <summary>A binding reached its expiry without being refreshed and was dropped by the registrar.</summary>
public sealed record ContactExpired(
    string Aor, string ContactUri, string? InstanceId, int ExpiresSeconds, string Flow, DateTimeOffset Time);
