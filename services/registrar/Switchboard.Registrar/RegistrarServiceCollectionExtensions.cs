using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Contracts.Registrar;
using Switchboard.Registrar.Events;
using Switchboard.Registrar.Location;
using Switchboard.Registrar.Registration;

namespace Switchboard.Registrar;

public static class RegistrarServiceCollectionExtensions
{
    /// <summary>Registers the registrar: <see cref="IRegistrar"/>, <see cref="ILocationService"/>,
    /// <see cref="ILocationStore"/>, <see cref="IRegistrarService"/> (the Contracts boundary), the expiry sweeper and a hosted service that starts it and flushes
    /// the store on shutdown. Register an <see cref="IRegistrarEvents"/> to receive binding events.</summary>
    public static IServiceCollection AddSwitchboardRegistrar(this IServiceCollection services, Action<RegistrarOptions>? configure = null)
    {
        var options = services.AddOptions<RegistrarOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RegistrarOptions>, RegistrarOptionsValidator>());
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRegistrarEvents>(NullRegistrarEvents.Instance);
        services.TryAddSingleton(sp => LocationStoreFactory.Open(
            sp.GetRequiredService<IOptions<RegistrarOptions>>().Value.Persistence,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger("Switchboard.Registrar.Location")));
        services.TryAddSingleton<ILocationStore>(sp => sp.GetRequiredService<InMemoryLocationStore>());
        services.TryAddSingleton<ILocationService>(sp => sp.GetRequiredService<ILocationStore>());
        // The monitor constructor: settings changed at run time apply from the next REGISTER on.
        services.TryAddSingleton<IRegistrar>(sp => new RegistrationService(
            sp.GetRequiredService<ILocationStore>(), sp.GetRequiredService<IOptionsMonitor<RegistrarOptions>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetService<IRegistrarEvents>(), sp.GetService<ILogger<RegistrationService>>()));
        services.TryAddSingleton<IRegistrarService, RegistrarServiceAdapter>();
        services.TryAddSingleton<ExpirySweeper>();
        services.AddHostedService<RegistrarLifetime>();
        return services;
    }
}
