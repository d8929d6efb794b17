namespace Switchboard.Contracts.Events;

/// <summary>The external gateway accepted our REGISTER.</summary>
/// <param name="NextAttempt">When the registration will be refreshed.</param>
public sealed record GatewayRegistered(
    string GatewayName, int Status, string Reason, DateTimeOffset NextAttempt, DateTimeOffset Time);
