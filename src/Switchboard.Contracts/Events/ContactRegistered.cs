namespace Switchboard.Contracts.Events;

/// <summary>A new binding was added for an address of record.</summary>
/// <param name="Flow">The transport flow the contact came in on, e.g. "udp 127.0.0.1:5062 -> 127.0.0.1:5060".</param>
public sealed record ContactRegistered(
    string Aor, string ContactUri, string? InstanceId, int ExpiresSeconds, string Flow, DateTimeOffset Time);
