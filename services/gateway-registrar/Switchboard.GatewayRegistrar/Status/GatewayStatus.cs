namespace Switchboard.GatewayRegistrar.Status;

/// <summary>What one instance knows of a gateway's registration.</summary>
/// <param name="Owner">The instance running the loop (this one, or the lease holder when <see cref="GatewayRegistrationState.StandBy"/>).</param>
/// <param name="Expires">When the gateway's binding lapses unless refreshed; null when not registered.</param>
public sealed record GatewayStatus(
    string Name,
    GatewayRegistrationState State,
    int LastStatusCode,
    string? LastReason,
    DateTimeOffset? LastAttempt,
    DateTimeOffset? NextAttempt,
    DateTimeOffset? Expires,
    string? Owner);
