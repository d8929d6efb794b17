using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Contracts.Gateway;
using Switchboard.Contracts.Routing;
using Switchboard.Locating;
using Switchboard.Proxy.Routing;
using Switchboard.Proxy.Security;
using Switchboard.Proxy.Transport;

namespace Switchboard.Proxy.Gateways;

public static class GatewayProxyServiceCollectionExtensions
{
    /// <summary>
    /// Puts the gateway handling in front of the proxy's <see cref="IProxyTransport"/> and the router's
    /// <see cref="IAddressResolutionService"/> (call after both are registered). Both stay as they were when no
    /// <see cref="IGatewayDirectory"/> is registered (the distributed transaction service without
    /// <c>Services:gateway-registrar-grpc</c>); so does <see cref="IGatewayTrust"/> (inbound trust of gateway addresses).
    /// </summary>
    public static IServiceCollection AddSwitchboardProxyGateways(this IServiceCollection services, Action<GatewayRoutingOptions>? configure = null)
    {
        var options = new GatewayRoutingOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        services.AddSingleton(sp => new GatewayDialogs(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton(sp => new GatewayCatalog(
            sp.GetRequiredService<IGatewayDirectory>(), options, sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetService<ILogger<GatewayCatalog>>()));
        // Null without a directory: the proxy then trusts no source as a gateway.
        services.AddSingleton<IGatewayTrust>(sp => sp.GetService<IGatewayDirectory>() is null
            ? null!
            : new GatewaySourceTrust(
                sp.GetRequiredService<GatewayCatalog>(), options,
                sp.GetService<ISipServerLocator>() is { } locator ? new GatewayHostAddresses(locator).ResolveAsync : null,
                sp.GetService<ILogger<GatewaySourceTrust>>()));
        Decorate<IProxyTransport>(services, (sp, inner) => sp.GetService<IGatewayDirectory>() is null
            ? inner
            : new GatewayAuthenticatingTransport(
                inner, sp.GetRequiredService<GatewayCatalog>(), sp.GetRequiredService<GatewayDialogs>(), options,
                sp.GetService<IOptions<ProxyOptions>>() is { } proxy ? new ProxyIdentity(proxy.Value) : null));
        Decorate<IAddressResolutionService>(services, (sp, inner) => sp.GetService<IGatewayDirectory>() is { } directory
            ? new GatewayAddressResolution(inner, directory, options, sp.GetRequiredService<GatewayCatalog>())
            : inner);
        return services;
    }

    private static void Decorate<T>(IServiceCollection services, Func<IServiceProvider, T, T> wrap)
        where T : class
    {
        ServiceDescriptor? original = services.LastOrDefault(d => d.ServiceType == typeof(T) && !d.IsKeyedService);
        if (original is null)
        {
            throw new InvalidOperationException($"Register {typeof(T).Name} before adding the proxy's gateway handling.");
        }

        services.Remove(original);
        services.AddSingleton<T>(sp => wrap(sp, Create<T>(sp, original)));
    }

    private static T Create<T>(IServiceProvider services, ServiceDescriptor descriptor)
        where T : class =>
        (T)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
