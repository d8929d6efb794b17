using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Prometheus;
using Switchboard.AdminGateway.AdminPage;
using Switchboard.AdminGateway.Health;
using Switchboard.AdminGateway.Proxy;
using Switchboard.AdminGateway.Settings;
using Switchboard.AdminGateway.SystemLog;
using Yarp.ReverseProxy.Configuration;

namespace Switchboard.AdminGateway;

public static class AdminGatewayExtensions
{
    public const string ReverseProxySection = "ReverseProxy";

    /// <summary>
    /// The proxy (backends from <c>AdminGateway:Backends</c>, instances from <c>IServiceLocator</c>; extra YARP routes
    /// from a "ReverseProxy" section if present), the System Log store and the settings store. The bus is added by the
    /// caller with <see cref="AddAdminGatewayConsumers"/>, so the all-in-one host can add everyone's consumers at once.
    /// </summary>
    public static IHostApplicationBuilder AddAdminGateway(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var dataDirectory = configuration["Storage:DataDirectory"] ?? "./data";
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMetricFactory>(_ => Metrics.DefaultFactory);

        services.AddOptions<AdminGatewayOptions>().Bind(configuration.GetSection(AdminGatewayOptions.SectionName))
            .Validate(o => !o.Backends.Keys.Any(IsReservedOrInvalid),
                $"AdminGateway:Backends names must be path segments other than {string.Join(", ", AdminGatewayOptions.ReservedNames)}")
            .Validate(o => o.RefreshInterval > TimeSpan.Zero, "AdminGateway:RefreshInterval must be positive")
            .ValidateOnStart();
        services.TryAddSingleton<LocatorProxyConfigProvider>();
        services.AddSingleton<IProxyConfigProvider>(sp => sp.GetRequiredService<LocatorProxyConfigProvider>());
        var proxy = services.AddReverseProxy();
        if (configuration.GetSection(ReverseProxySection).Exists())
        {
            proxy.LoadFromConfig(configuration.GetSection(ReverseProxySection));
        }

        services.AddHostedService<ProxyConfigRefreshService>();
        services.AddHttpClient(ServiceHealthEndpoints.ClientName);

        services.AddOptions<SystemLogStoreOptions>().Bind(configuration.GetSection(SystemLogStoreOptions.SectionName))
            .PostConfigure(o => o.Directory ??= Path.Combine(dataDirectory, "log"));
        services.TryAddSingleton<SystemLogRing>();
        services.TryAddSingleton<SystemLogFile>();
        services.TryAddSingleton<SystemLogStoreMetrics>();

        services.AddOptions<SettingsStoreOptions>().Bind(configuration.GetSection(SettingsStoreOptions.SectionName))
            .PostConfigure(o => o.DatabasePath ??= Path.Combine(dataDirectory, "settings.db"));
        services.TryAddSingleton<SettingsStore>();
        services.AddHostedService<SettingsRepublishService>();
        return builder;
    }

    /// <summary>The System Log consumer; call inside <c>AddSwitchboardBus(configuration, x => …)</c>.</summary>
    public static IBusRegistrationConfigurator AddAdminGatewayConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<LogRecordedConsumer>();
        return bus;
    }

    /// <summary>The proxy, <c>/api/log</c>, <c>/api/settings</c>, <c>/api/services</c> and the admin page at <c>/</c>.</summary>
    public static WebApplication MapAdminGatewayEndpoints(this WebApplication app)
    {
        app.MapSystemLogEndpoints();
        app.MapSettingsEndpoints();
        app.MapServiceHealthEndpoints();
        app.MapAdminPage();
        app.MapReverseProxy();
        return app;
    }

    private static bool IsReservedOrInvalid(string name) =>
        AdminGatewayOptions.ReservedNames.Contains(name, StringComparer.OrdinalIgnoreCase)
        || name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
