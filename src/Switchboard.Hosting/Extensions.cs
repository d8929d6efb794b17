using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Prometheus;
using Switchboard.Contracts.Logging;
using Switchboard.Hosting.Discovery;
using Switchboard.Hosting.Logging;
using Switchboard.Hosting.Settings;

namespace Switchboard.Hosting;

/// <summary>
/// What every Switchboard process shares (after dotnet/eShop's ServiceDefaults): health checks, Prometheus
/// metrics, System Log levels, Consul registration/discovery, and the run-time settings layer. The bus is separate
/// (<see cref="Bus.BusServiceCollectionExtensions.AddSwitchboardBus"/>) because each service brings its consumers.
/// </summary>
public static class Extensions
{
    public const string HealthPath = "/health";
    public const string ReadyPath = "/ready";
    public const string MetricsPath = "/metrics";
    public const string LogLevelsPath = "/log-levels";

    private const string LiveTag = "live";

    public static IHostApplicationBuilder AddSwitchboardDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSystemLog(builder.Configuration);
        builder.Services.AddSystemLogForwarding(builder.Configuration); // LogRecorded fan-out (SystemLog:Forwarding)
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.AddSwitchboardDiscovery(builder.Configuration);
        builder.AddRuntimeSettings(); // last configuration layer: SettingsChanged at run time
        return builder;
    }

    /// <summary>
    /// <c>/health</c>: liveness (the process answers); <c>/ready</c>: every registered check (the bus's too);
    /// <c>/metrics</c>: Prometheus text format, with HTTP request metrics; <c>/log-levels</c>: the System Log
    /// level this process applies per tag (what a <c>SettingsChanged</c> made of it).
    /// </summary>
    public static WebApplication MapSwitchboardDefaults(this WebApplication app)
    {
        app.UseHttpMetrics();
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        app.MapHealthChecks(ReadyPath);
        app.MapMetrics(MetricsPath);
        app.MapGet(LogLevelsPath, (ISystemLogLevels levels) =>
            SystemLogTag.All.ToDictionary(tag => tag, tag => levels.Get(tag).ToString()));
        return app;
    }
}
