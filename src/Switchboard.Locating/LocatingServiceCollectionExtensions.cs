using DnsClient;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Switchboard.Locating;

public static class LocatingServiceCollectionExtensions
{
    /// <summary>
    /// RFC 3263 server location over the system's resolvers (DnsClient, with its TTL-honouring cache).
    /// A registered <see cref="IDnsQuery"/> wins, so tests and deployments can point at another DNS server.
    /// </summary>
    public static IServiceCollection AddSipServerLocator(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IDnsQuery>(_ => new LookupClient(new LookupClientOptions { UseCache = true }));
        services.TryAddSingleton<ISipServerLocator>(sp => new DnsSipServerLocator(
            sp.GetRequiredService<IDnsQuery>(),
            logger: sp.GetService<ILogger<DnsSipServerLocator>>()));
        return services;
    }
}
