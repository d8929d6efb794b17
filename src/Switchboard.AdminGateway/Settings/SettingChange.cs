namespace Switchboard.AdminGateway.Settings;

/// <summary>
/// The answer to <c>PUT /api/settings/{component}/{key}</c>: the stored setting (same fields as <see cref="Setting"/>),
/// whether a service is known to apply it at run time, and a note when none is.
/// </summary>
public sealed record SettingChange(string Component, string Key, string Value, DateTimeOffset Updated, bool AppliedAtRunTime, string? Note);
