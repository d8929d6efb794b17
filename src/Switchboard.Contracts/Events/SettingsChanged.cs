namespace Switchboard.Contracts.Events;

/// <summary>An administrator changed a setting, e.g. ("SystemLog", "SIPS", "LowLevel").</summary>
public sealed record SettingsChanged(string Component, string Key, string Value, DateTimeOffset Time);
