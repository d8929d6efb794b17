using Switchboard.Contracts.Gateway;
using Switchboard.GatewayRegistrar.Status;

namespace Switchboard.GatewayRegistrar.Service.Admin;

/// <summary>
/// A gateway as the admin API takes it. On PUT a missing password keeps the stored one; registerEvery defaults to
/// 3600 s and enabled to true.
/// </summary>
public sealed record GatewayRequest(
    string? Name, string? Domain, string? Username, string? Password, string? Contact, int? RegisterEvery, bool? Enabled);

/// <summary>A gateway as the admin API shows it: never the password, only whether one is set.</summary>
public sealed record GatewayView(
    string Name, string Domain, string Username, bool PasswordSet, string? Contact, int RegisterEvery, bool Enabled)
{
    public static GatewayView From(GatewaySettings s) =>
        new(s.Name, s.Domain, s.Username, s.Password.Length > 0, s.Contact, s.RegisterEverySeconds, s.Enabled);
}

/// <summary>GET /api/gateways/{name}/status.</summary>
public sealed record GatewayStatusView(
    string Name, string State, int LastStatusCode, string? LastReason, DateTimeOffset? LastAttempt,
    DateTimeOffset? NextAttempt, DateTimeOffset? Expires, string? Owner)
{
    public static GatewayStatusView From(GatewayStatus s) =>
        new(s.Name, s.State.ToString(), s.LastStatusCode, s.LastReason, s.LastAttempt, s.NextAttempt, s.Expires, s.Owner);
}
