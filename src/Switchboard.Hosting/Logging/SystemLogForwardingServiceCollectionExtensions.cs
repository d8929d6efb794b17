using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Switchboard.Hosting.Logging;

public static class SystemLogForwardingServiceCollectionExtensions
{
    /// <summary>
    /// Fans this process's tagged log records out as <c>LogRecorded</c> events (see <see cref="SystemLogForwarder"/>).
    /// Needs <see cref="SystemLogServiceCollectionExtensions.AddSystemLog"/>; publishes only when the bus is added too.
    /// </summary>
    public static IServiceCollection AddSystemLogForwarding(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SystemLogForwardingOptions>()
            .Bind(configuration.GetSection(SystemLogForwardingOptions.SectionName))
            .PostConfigure<IHostEnvironment>((o, environment) =>
                o.Service ??= configuration["Consul:ServiceName"] ?? environment.ApplicationName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMetricFactory>(_ => Metrics.DefaultFactory);
        services.TryAddSingleton<SystemLogForwardingMetrics>();
        services.TryAddSingleton<SystemLogForwarder>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, SystemLogForwarder>(
            sp => sp.GetRequiredService<SystemLogForwarder>()));
        services.AddHostedService<SystemLogForwardingService>();
        return services;
    }
}
