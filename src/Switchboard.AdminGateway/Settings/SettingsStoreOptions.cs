namespace Switchboard.AdminGateway.Settings;

/// <summary>The settings store (<c>AdminGateway:Settings:*</c>).</summary>
public sealed class SettingsStoreOptions
{
    public const string SectionName = "AdminGateway:Settings";

    /// <summary>Defaults to <c>{Storage:DataDirectory}/settings.db</c>.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>
    /// Every stored setting is published again at start and then this often, so a service started after a
    /// change still converges. Zero publishes only at start.
    /// </summary>
    public TimeSpan RepublishInterval { get; set; } = TimeSpan.FromMinutes(5);
}
