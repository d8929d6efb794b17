namespace Switchboard.Hosting.Settings;

/// <summary>
/// Bounds of the run-time layer (<c>RuntimeSettings:*</c>, read at start only): a remote admin can send any
/// number of keys, so the layer refuses new keys past <see cref="MaxKeys"/> and values past <see cref="MaxValueLength"/>.
/// </summary>
public sealed class RuntimeSettingsOptions
{
    public const string SectionName = "RuntimeSettings";

    public int MaxKeys { get; set; } = 256;

    public int MaxValueLength { get; set; } = 4096;
}
