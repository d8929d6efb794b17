using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Switchboard.Hosting.Settings;

public static class RuntimeSettingsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the run-time layer last to the configuration and <see cref="RuntimeSettings"/> to the services; the
    /// settings consumer writes <c>SettingsChanged</c> into it. Called by <c>AddSwitchboardDefaults</c>; idempotent.
    /// </summary>
    public static IHostApplicationBuilder AddRuntimeSettings(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration.Sources.OfType<RuntimeSettingsSource>().FirstOrDefault() is not { } source)
        {
            source = new RuntimeSettingsSource(new RuntimeSettingsProvider());
            builder.Configuration.Add(source);
        }

        builder.Services.TryAddSingleton(source.Provider);
        builder.Services.AddOptions<RuntimeSettingsOptions>().Bind(builder.Configuration.GetSection(RuntimeSettingsOptions.SectionName));
        builder.Services.TryAddSingleton<RuntimeSettings>();
        return builder;
    }

    /// <summary>
    /// Declares that <typeparamref name="TOptions"/>, bound to <paramref name="section"/>, is read through
    /// <c>IOptionsMonitor</c>: settings under that section are applied at run time, after a trial build of
    /// the options (validation failure or a value the binder cannot convert keeps the old value).
    /// </summary>
    public static IServiceCollection AddRuntimeOptions<TOptions>(this IServiceCollection services, string section)
        where TOptions : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(section);
        services.AddSingleton<IRuntimeOptionsCheck>(sp =>
            new RuntimeOptionsCheck<TOptions>(section, sp.GetRequiredService<IOptionsFactory<TOptions>>()));
        return services;
    }
}
