using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Switchboard.Hosting.Discovery;

public static class DiscoveryServiceCollectionExtensions
{
    /// <summary>
    /// With <c>Consul:Address</c>: the Consul client, registration of this instance, and a Consul-backed
    /// <see cref="IServiceLocator"/>. Without it: a locator over <c>Services:&lt;name&gt;:Endpoints</c>.
    /// </summary>
    public static IServiceCollection AddSwitchboardDiscovery(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ConsulOptions.SectionName);
        services.AddOptions<ConsulOptions>().Bind(section);
        var address = section.Get<ConsulOptions>()?.Address;
        if (address is null)
        {
            services.TryAddSingleton<IServiceLocator>(_ => new StaticServiceLocator(configuration));
            return services;
        }

        services.AddHttpClient<ConsulClient>(http =>
        {
            http.BaseAddress = address;
            http.Timeout = TimeSpan.FromSeconds(10);
        });
        services.TryAddSingleton<IServiceLocator>(sp => new ConsulServiceLocator(sp.GetRequiredService<ConsulClient>()));
        services.AddHostedService<ConsulRegistrationService>();
        return services;
    }
}
