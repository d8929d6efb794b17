namespace Switchboard.AdminGateway.Settings;

/// <summary>One stored setting, e.g. ("SystemLog", "SIPS", "LowLevel").</summary>
public sealed record Setting(string Component, string Key, string Value, DateTimeOffset Updated);
