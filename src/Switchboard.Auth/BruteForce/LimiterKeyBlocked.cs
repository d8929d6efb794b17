namespace Switchboard.Auth.BruteForce;

/// <summary>Raised when an address or account crosses the refuse threshold.</summary>
public sealed record LimiterKeyBlocked(string Kind, string Key, DateTimeOffset Until);
