namespace Switchboard.AdminGateway.Settings;

/// <summary>The body of <c>PUT /api/settings/{component}/{key}</c>.</summary>
public sealed record SettingValue(string? Value);
