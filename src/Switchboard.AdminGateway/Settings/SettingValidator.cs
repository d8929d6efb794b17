using Switchboard.AdminGateway.SystemLog;
using Switchboard.Hosting.Logging;

namespace Switchboard.AdminGateway.Settings;

/// <summary>What a setting may look like; a SystemLog setting's value must be a level name.</summary>
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

        if (!IsName(key))
        {
            return $"key must be 1-{MaxNameLength} letters, digits, '.', '-' or '_'";
        }

        if (value is null || value.Length > MaxValueLength)
        {
            return $"value is required and at most {MaxValueLength} characters";
        }

        if (string.Equals(component, SettingsChangedConsumer.Component, StringComparison.OrdinalIgnoreCase)
            && !SystemLogLevelNames.TryParse(value, out _))
        {
            return $"a SystemLog value must be one of {string.Join(", ", SystemLogLevelNames.All)}";
        }

        return null;
    }

    private static bool IsName(string text) =>
        text.Length is > 0 and <= MaxNameLength && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}
