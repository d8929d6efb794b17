namespace Switchboard.Router.Changes;

/// <summary>Something the resolver depends on changed; <see cref="Domain"/> is null when not domain-specific.</summary>
public sealed record RoutingChanged(RoutingChangeKind Kind, string? Domain);
