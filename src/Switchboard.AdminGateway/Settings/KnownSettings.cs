using System.Globalization;

namespace Switchboard.AdminGateway.Settings;

/// <summary>
/// The settings services apply at run time (their <c>AddRuntimeOptions</c> sections, the keys they re-read). A known
/// key gets its value checked here (400 when it cannot be bound); an unknown one is stored and published anyway —
/// a newer service may take it, and its own options validation still guards it — but the answer says that no
/// service is known to apply it. Keep in step with docs/settings.md.
/// </summary>
public static class KnownSettings
{
    public static IReadOnlyList<KnownSetting> All { get; } =
    [
        new("Registrar", "MinimalRegistration", "registrar", SettingKind.Duration),
        new("Registrar", "MaximumRegistration", "registrar", SettingKind.Duration),
        new("Registrar", "DefaultExpires", "registrar", SettingKind.Duration),
        new("Registrar", "MaxContactsPerAor", "registrar", SettingKind.Count),
        new("Registrar", "ContactLimitPolicy", "registrar", SettingKind.Choice, ["DropOldest", "Reject"]),
        new("Registrar", "RejectPathWithoutSupport", "registrar", SettingKind.Flag),
        new("Registrar", "ExpirySweepInterval", "registrar", SettingKind.Duration),
        new("Router", "Resolver:MainDomain", "router", SettingKind.Text),
        new("Router", "Resolver:MaxChainLength", "router", SettingKind.Count),
        new("Router", "Resolver:MaxCacheEntries", "router", SettingKind.Count),
        new("GatewayRegistrar", "RefreshFraction", "gateway-registrar", SettingKind.Fraction),
        new("GatewayRegistrar", "RefreshMargin", "gateway-registrar", SettingKind.Duration),
        new("GatewayRegistrar", "RetryMin", "gateway-registrar", SettingKind.Duration),
        new("GatewayRegistrar", "RetryMax", "gateway-registrar", SettingKind.Duration),
        new("GatewayRegistrar", "SupervisorInterval", "gateway-registrar", SettingKind.Duration),
        new("GatewayRegistrar", "LeaseDuration", "gateway-registrar", SettingKind.Duration),
        new("GatewayRegistrar", "UnregisterTimeout", "gateway-registrar", SettingKind.Duration),
        new("GatewayRegistrar", "PublicAddress", "gateway-registrar", SettingKind.Text),
        new("GatewayRegistrar", "UserAgent", "gateway-registrar", SettingKind.Text),
    ];

    public static KnownSetting? Find(string component, string key) =>
        All.FirstOrDefault(s => string.Equals(s.Component, component, StringComparison.OrdinalIgnoreCase)
            && string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <returns>Why <paramref name="value"/> does not fit <paramref name="setting"/>, or null.</returns>
    public static string? CheckValue(KnownSetting setting, string value)
    {
        var fits = setting.Kind switch
        {
            SettingKind.Duration => value.Contains(':') && TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var d) && d >= TimeSpan.Zero,
            SettingKind.Count => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
            SettingKind.Fraction => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f is > 0 and <= 1,
            SettingKind.Flag => bool.TryParse(value, out _),
            SettingKind.Choice => setting.Choices!.Contains(value, StringComparer.OrdinalIgnoreCase),
            _ => true,
        };
        return fits ? null : $"{setting.Component}/{setting.Key} must be {Describe(setting)}";
    }

    private static string Describe(KnownSetting setting) => setting.Kind switch
    {
        SettingKind.Duration => "a duration such as 00:02:00",
        SettingKind.Count => "a whole number, 0 or more",
        SettingKind.Fraction => "a number above 0 and at most 1",
        SettingKind.Flag => "true or false",
        SettingKind.Choice => "one of " + string.Join(", ", setting.Choices!),
        _ => "text",
    };
}
