using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prometheus;
using Switchboard.Contracts.Gateway;
using Switchboard.GatewayRegistrar.Locating;
using Switchboard.GatewayRegistrar.Registration;
using Switchboard.GatewayRegistrar.Status;
using Switchboard.GatewayRegistrar.Storage;
using Switchboard.Locating;

namespace Switchboard.GatewayRegistrar;

public static class GatewayRegistrarServiceCollectionExtensions
{
    /// <summary>
    /// The gateway table (gateways.db), leases, status, metrics and the supervisor as a hosted service. The caller
    /// provides <see cref="ISipClientRequests"/> and <see cref="Contracts.IEventPublisher"/>, and binds
    /// <see cref="GatewayStorageOptions"/> / <see cref="GatewayRegistrarOptions"/>; an <see cref="IGatewayLocator"/>
    /// registered before wins over the RFC 3263 one (<see cref="SipServerGatewayLocator"/>).
    /// </summary>
    public static IServiceCollection AddGatewayRegistrar(this IServiceCollection services)
    {
        services.AddOptions<GatewayStorageOptions>();
        services.AddOptions<GatewayRegistrarOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMetricFactory>(_ => Metrics.DefaultFactory);
        services.TryAddSingleton<SqliteGatewayDatabase>();
        services.TryAddSingleton<IGatewayStore, SqliteGatewayStore>();
        services.TryAddSingleton<IGatewayDirectory>(sp => sp.GetRequiredService<IGatewayStore>());
        services.TryAddSingleton<IGatewayLeases, SqliteGatewayLeases>();
        services.AddSipServerLocator();
        services.TryAddSingleton<IGatewayLocator>(sp => new SipServerGatewayLocator(sp.GetRequiredService<ISipServerLocator>()));
        services.TryAddSingleton<GatewayStatusBoard>();
        services.TryAddSingleton<IGatewayStatus>(sp => sp.GetRequiredService<GatewayStatusBoard>());
        services.TryAddSingleton<GatewayRegistrarMetrics>();
        services.TryAddSingleton<GatewayRegistrarSupervisor>();
        services.AddHostedService(sp => sp.GetRequiredService<GatewayRegistrarSupervisor>());
        return services;
    }
}
