using DnsClient;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switchboard.Locating;

public static class LocatingServiceCollectionExtensions
{
    /// <summary>
    /// RFC 3263 server location (DnsClient, with its TTL-honouring cache) over the system's resolvers, or over the
    /// servers of <see cref="LocatingOptions.NameServers"/> when the host configures them. A registered
    /// <see cref="IDnsQuery"/> wins.
    /// </summary>
    public static IServiceCollection AddSipServerLocator(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<LocatingOptions>();
        services.TryAddSingleton<IDnsQuery>(sp => CreateLookupClient(sp.GetRequiredService<IOptions<LocatingOptions>>().Value));
        services.TryAddSingleton<ISipServerLocator>(sp => new DnsSipServerLocator(
            sp.GetRequiredService<IDnsQuery>(),
            logger: sp.GetService<ILogger<DnsSipServerLocator>>()));
        return services;
    }

    private static LookupClient CreateLookupClient(LocatingOptions options)
    {
        var servers = options.NameServerEndPoints();
        var lookup = servers.Length == 0 ? new LookupClientOptions() : new LookupClientOptions(servers.Select(s => new NameServer(s)).ToArray());
        lookup.UseCache = true;
        return new LookupClient(lookup);
    }
}
