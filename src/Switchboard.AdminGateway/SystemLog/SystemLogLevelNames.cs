using Switchboard.Contracts.Logging;

namespace Switchboard.AdminGateway.SystemLog;

/// <summary>Parses a System Log level by name only (Enum.TryParse would also take "7" or "1,2").</summary>
public static class SystemLogLevelNames
{
    public static IReadOnlyList<string> All { get; } = Enum.GetNames<SystemLogLevel>();

    public static bool TryParse(string? text, out SystemLogLevel level)
    {
        foreach (var value in Enum.GetValues<SystemLogLevel>())
        {
            if (string.Equals(value.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                level = value;
                return true;
            }
        }

        level = default;
        return false;
    }
}
