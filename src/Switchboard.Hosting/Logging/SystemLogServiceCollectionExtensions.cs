using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switchboard.Hosting.Logging;

public static class SystemLogServiceCollectionExtensions
{
    /// <summary>Binds <see cref="SystemLogOptions"/> and lets <see cref="ISystemLogLevels"/> drive logger filters.</summary>
    public static IServiceCollection AddSystemLog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SystemLogOptions>().Bind(configuration.GetSection(SystemLogOptions.SectionName));
        services.TryAddSingleton<SystemLogLevels>();
        services.TryAddSingleton<ISystemLogLevels>(sp => sp.GetRequiredService<SystemLogLevels>());
        services.AddSingleton<IOptionsChangeTokenSource<LoggerFilterOptions>>(sp => sp.GetRequiredService<SystemLogLevels>());
        services.AddSingleton<IPostConfigureOptions<LoggerFilterOptions>, SystemLogFilterSetup>();
        return services;
    }
}
