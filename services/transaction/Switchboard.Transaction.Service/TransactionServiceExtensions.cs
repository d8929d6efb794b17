using Grpc.Net.Client;
using Switchboard.Contracts.Events;
using Switchboard.Contracts.Gateway;
using Switchboard.Contracts.Media;
using Switchboard.Contracts.Registrar;
using Switchboard.Contracts.Routing;
using Switchboard.Contracts.Sip;
using Switchboard.Hosting.Bus;
using Switchboard.Hosting.Discovery;
using Switchboard.Protos.Clients;
using Switchboard.Proxy.Gateways;
using Switchboard.Signal;
using GatewayDirectoryClient = Switchboard.Protos.GatewayRegistrar.GatewayDirectory.GatewayDirectoryClient;
using RouterClient = Switchboard.Protos.Router.Router.RouterClient;
using RegistrarClient = Switchboard.Protos.Registrar.Registrar.RegistrarClient;

namespace Switchboard.Transaction.Service;

public static class TransactionServiceExtensions
{
    /// <summary>gRPC service names the transaction service calls (Consul names, or Services:NAME:Endpoints:0 config).</summary>
    public const string RouterGrpc = "router-grpc";
    public const string RegistrarGrpc = "registrar-grpc";
    public const string MediaProxyGrpc = "media-proxy-grpc";
    public const string GatewayRegistrarGrpc = "gateway-registrar-grpc";

    /// <summary>
    /// The distributed SIP core: edges stream messages in over <see cref="SipCoreStreamService"/>; accounts, routing
    /// and registrations are reached over one long-lived gRPC stream each; events go to RabbitMQ when configured.
    /// </summary>
    public static IHostApplicationBuilder AddTransactionService(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.Configure<TransactionServiceOptions>(configuration.GetSection(TransactionServiceOptions.Section));
        builder.Services.Configure<Switchboard.Locating.LocatingOptions>(configuration.GetSection(Switchboard.Locating.LocatingOptions.SectionName));
        builder.Services.AddSwitchboardBus(configuration, bus =>
        {
            bus.AddSystemLogSettingsConsumer(); // run-time log levels
            bus.AddPerProcessConsumer<MediaSessionTimedOut>(); // the proxy ends calls whose media timed out (Proxy:Media:EndCallOnTimeout)
        });
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<EdgeLinkHub>();
        builder.Services.AddSingleton<ISipSender>(sp => sp.GetRequiredService<EdgeLinkHub>());
        builder.Services.AddSingleton(sp => new RouterClient(Channel(sp, RouterGrpc)));
        builder.Services.AddSingleton(sp => new RegistrarClient(Channel(sp, RegistrarGrpc)));
        builder.Services.AddSingleton<ICredentialLookup>(sp => new GrpcCredentialLookup(sp.GetRequiredService<RouterClient>()));
        builder.Services.AddSingleton<IAddressResolutionService>(sp => new GrpcAddressResolutionService(sp.GetRequiredService<RouterClient>()));
        builder.Services.AddSingleton<IRegistrarService>(sp => new GrpcRegistrarService(sp.GetRequiredService<RegistrarClient>()));
        // Media relays: one instance per call (Call-ID), picked among those discovery lists; none reachable = no relay.
        builder.Services.AddSingleton(sp =>
        {
            var picker = new MediaRelayPickerOptions { ServiceName = MediaProxyGrpc };
            configuration.GetSection("MediaRelayPicker").Bind(picker);
            return new MediaRelayPicker(sp.GetRequiredService<IServiceLocator>(), picker, sp.GetService<TimeProvider>());
        });
        builder.Services.AddSingleton<IMediaRelayControl>(sp => new GrpcMediaRelayControl(sp.GetRequiredService<MediaRelayPicker>()));
        builder.Services.AddSwitchboardSignal(
            signal => configuration.GetSection("Signal").Bind(signal),
            transactions => configuration.GetSection("Transactions").Bind(transactions),
            proxy => configuration.GetSection("Proxy").Bind(proxy));
        AddGatewayDirectory(builder);
        return builder;
    }

    /// <summary>
    /// The proxy's gateway handling (as in the all-in-one host), with the gateway list read from the gateway
    /// registrar over gRPC when <c>Services:gateway-registrar-grpc</c> is configured; without it the proxy's
    /// transport and address resolution stay undecorated (no gateways).
    /// </summary>
    private static void AddGatewayDirectory(IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (configuration.GetSection($"Services:{GatewayRegistrarGrpc}").Exists())
        {
            TimeSpan ttl = configuration.GetValue<TimeSpan?>("Gateways:DirectoryCacheTtl") ?? GrpcGatewayDirectory.DefaultTtl;
            builder.Services.AddSingleton<IGatewayDirectory>(sp => new GrpcGatewayDirectory(
                new GatewayDirectoryClient(Channel(sp, GatewayRegistrarGrpc)), ttl, sp.GetService<TimeProvider>()));
        }

        builder.Services.AddSwitchboardProxyGateways(gateways => configuration.GetSection(GatewayRoutingOptions.SectionName).Bind(gateways));
    }

    public static WebApplication MapTransactionEndpoints(this WebApplication app)
    {
        app.MapGrpcService<SipCoreStreamService>();
        app.MapGrpcService<SipClientService>();
        return app;
    }

    /// <summary>An h2c channel to the first healthy instance of <paramref name="service"/> (resolved at start).</summary>
    private static GrpcChannel Channel(IServiceProvider services, string service)
    {
        var locator = services.GetRequiredService<IServiceLocator>();
        var endpoints = locator.Resolve(service).GetAwaiter().GetResult();
        if (endpoints.Count == 0)
        {
            throw new InvalidOperationException($"No instance of '{service}' (set Services:{service}:Endpoints:0 or Consul:Address).");
        }
        return GrpcChannel.ForAddress(endpoints[0].ToUri());
    }
}
