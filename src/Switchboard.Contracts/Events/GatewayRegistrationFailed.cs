namespace Switchboard.Contracts.Events;

/// <summary>A REGISTER to the external gateway failed (final error status, or 408 on timeout).</summary>
/// <param name="NextAttempt">When the registration will be retried.</param>
public sealed record GatewayRegistrationFailed(
    string GatewayName, int Status, string Reason, DateTimeOffset NextAttempt, DateTimeOffset Time);
