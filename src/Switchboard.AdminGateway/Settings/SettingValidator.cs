using Switchboard.AdminGateway.SystemLog;
using Switchboard.Hosting.Logging;
using Switchboard.Hosting.Settings;

namespace Switchboard.AdminGateway.Settings;

/// <summary>What a setting may look like; a SystemLog value must be a level name, a known setting's value must bind.</summary>
public static class SettingValidator
{
    public const int MaxNameLength = 64;
    public const int MaxValueLength = 4096;

    /// <returns>Why the setting is refused, or null when it is fine.</returns>
    public static string? Check(string component, string key, string? value)
    {
        if (!IsName(component))
        {
            return $"component must be 1-{MaxNameLength} letters, digits, '.', '-' or '_'";
        }

        if (!IsKey(key))
        {
            return $"key must be 1-{MaxNameLength} letters, digits, '.', '-' or '_' (':' between nested names)";
        }

        if (value is null || value.Length > MaxValueLength)
        {
            return $"value is required and at most {MaxValueLength} characters";
        }

        if (string.Equals(component, SettingsChangedConsumer.Component, StringComparison.OrdinalIgnoreCase)
            && (!SystemLogLevelNames.TryParse(value, out _) || key.Contains(':')))
        {
            return $"a SystemLog key must be a tag and its value one of {string.Join(", ", SystemLogLevelNames.All)}";
        }

        return KnownSettings.Find(component, key) is { } known ? KnownSettings.CheckValue(known, value) : null;
    }

    // "Resolver:MainDomain" names a nested configuration value; no empty segment, no leading or trailing ':'.
    private static bool IsKey(string text) => text.Length <= 2 * MaxNameLength && text.Split(':').All(IsName);

    private static bool IsName(string text) =>
        text.Length is > 0 and <= MaxNameLength && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}
