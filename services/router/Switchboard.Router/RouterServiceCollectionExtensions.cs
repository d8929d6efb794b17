using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Switchboard.Contracts.Routing;
using Switchboard.Router.Accounts;
using Switchboard.Router.Adapters;
using Switchboard.Router.Changes;
using Switchboard.Router.Resolution;
using Switchboard.Router.Routing;
using Switchboard.Router.Storage;

namespace Switchboard.Router;

public static class RouterServiceCollectionExtensions
{
    /// <summary>
    /// The router library: SQLite stores, the caching resolver (<see cref="IAddressResolver"/>), the Contracts
    /// adapters (<see cref="ICredentialLookup"/>, <see cref="IAddressResolutionService"/>) and the change
    /// feed (<see cref="IRoutingChanges"/>). RFC 3263 server location is the proxy's job (src/Switchboard.Locating).
    /// </summary>
    public static IServiceCollection AddSwitchboardRouter(
        this IServiceCollection services,
        Action<RouterStorageOptions>? storage = null,
        Action<ResolverOptions>? resolver = null)
    {
        services.AddOptions<RouterStorageOptions>();
        services.AddOptions<ResolverOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ResolverOptions>, ResolverOptionsValidator>());
        if (storage is not null)
            services.Configure(storage);
        if (resolver is not null)
            services.Configure(resolver);
        services.TryAddSingleton<IRoutingChanges, RoutingChanges>();
        services.TryAddSingleton<SqliteRouterDatabase>();
        services.TryAddSingleton<IDomainStore, SqliteDomainStore>();
        services.TryAddSingleton<IAccountStore, SqliteAccountStore>();
        services.TryAddSingleton<IRoutingStore, SqliteRoutingStore>();
        // Monitors: resolver options changed at run time apply from the next lookup (and empty the cache).
        services.TryAddSingleton(sp => new AddressResolver(
            sp.GetRequiredService<IDomainStore>(), sp.GetRequiredService<IAccountStore>(),
            sp.GetRequiredService<IRoutingStore>(), sp.GetRequiredService<IOptionsMonitor<ResolverOptions>>()));
        services.TryAddSingleton<IAddressResolver>(sp => new CachingAddressResolver(
            sp.GetRequiredService<AddressResolver>(),
            sp.GetRequiredService<IRoutingChanges>(),
            sp.GetRequiredService<IOptionsMonitor<ResolverOptions>>()));
        services.TryAddSingleton<ICredentialLookup, RouterCredentialLookup>();
        services.TryAddSingleton<IAddressResolutionService, RouterAddressResolutionService>();
        return services;
    }
}
