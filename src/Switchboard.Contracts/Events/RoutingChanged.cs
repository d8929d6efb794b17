namespace Switchboard.Contracts.Events;

/// <summary>Router data changed; caches of that kind must be reloaded.</summary>
/// <param name="Key">The changed entry (account name, alias, router record pattern), or null for the whole table.</param>
public sealed record RoutingChanged(RoutingChangeKind Kind, string? Key, DateTimeOffset Time);
