using Microsoft.Extensions.Configuration;

namespace Switchboard.Hosting.Settings;

/// <summary>Hands the configuration the one <see cref="RuntimeSettingsProvider"/> the DI container also holds.</summary>
public sealed class RuntimeSettingsSource(RuntimeSettingsProvider provider) : IConfigurationSource
{
    public RuntimeSettingsProvider Provider => provider;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => provider;
}
