namespace Switchboard.AdminGateway.Settings;

/// <summary>A setting some service applies at run time: the service reads it through IOptionsMonitor.</summary>
public sealed record KnownSetting(string Component, string Key, string Service, SettingKind Kind, IReadOnlyList<string>? Choices = null);
