namespace Switchboard.Contracts.Events;

/// <summary>A binding was removed by its owner (REGISTER with expires=0, or Contact: *).</summary>
public sealed record ContactRemoved(
    string Aor, string ContactUri, string? InstanceId, int ExpiresSeconds, string Flow, DateTimeOffset Time);
