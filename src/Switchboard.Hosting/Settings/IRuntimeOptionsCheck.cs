namespace Switchboard.Hosting.Settings;

/// <summary>
/// A configuration section this process re-reads at run time, and how to tell whether a candidate value would
/// break the options bound to it. Register with <see cref="RuntimeSettingsServiceCollectionExtensions.AddRuntimeOptions{TOptions}"/>.
/// </summary>
public interface IRuntimeOptionsCheck
{
    /// <summary>The configuration path, e.g. <c>Registrar</c> or <c>Router:Resolver</c>.</summary>
    string Section { get; }

    /// <returns>Why the current configuration (trial value included) does not make valid options, or null.</returns>
    string? Check();
}
