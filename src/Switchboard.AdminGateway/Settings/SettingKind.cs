using System.Text.Json.Serialization;

namespace Switchboard.AdminGateway.Settings;

/// <summary>How a known setting's value is checked before it is stored (as the configuration binder will read it).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SettingKind>))]
public enum SettingKind
{
    /// <summary><c>[d.]hh:mm:ss[.fff]</c>, not negative (a bare "120" would be 120 days, so it is refused).</summary>
    Duration,

    /// <summary>An integer, zero or more.</summary>
    Count,

    /// <summary>A number between 0 and 1.</summary>
    Fraction,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Flag,

    /// <summary>Free text.</summary>
    Text,

    /// <summary>One of the entry's choices.</summary>
    Choice,
}
