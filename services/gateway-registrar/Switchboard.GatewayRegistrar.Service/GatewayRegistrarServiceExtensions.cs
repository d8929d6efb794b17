using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Switchboard.Contracts.Gateway;
using Switchboard.GatewayRegistrar.Registration;
using Switchboard.GatewayRegistrar.Service.Admin;
using Switchboard.GatewayRegistrar.Service.Grpc;
using Switchboard.GatewayRegistrar.Storage;
using Switchboard.Hosting.Settings;

namespace Switchboard.GatewayRegistrar.Service;

public static class GatewayRegistrarServiceExtensions
{
    /// <summary>
    /// The gateway registrar library (gateways.db under <c>Storage:DataDirectory</c>, timing from <c>GatewayRegistrar</c>)
    /// with <see cref="ISipClientRequests"/> over gRPC to the transaction service, unless the host registered its own
    /// (the all-in-one host passes its transaction layer directly). Needs an IEventPublisher (the bus).
    /// </summary>
    public static IHostApplicationBuilder AddGatewayRegistrarService(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<GatewayStorageOptions>(builder.Configuration.GetSection("Storage"));
        builder.Services.Configure<GatewayRegistrarOptions>(builder.Configuration.GetSection(GatewayRegistrarOptions.SectionName));
        // RFC 3263 lookups of gateway names (and, in the all-in-one host, of every next hop): bound once per process.
        builder.Services.Configure<Switchboard.Locating.LocatingOptions>(builder.Configuration.GetSection(Switchboard.Locating.LocatingOptions.SectionName));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayRegistrarOptions>, GatewayRegistrarOptionsValidator>());
        builder.Services.AddRuntimeOptions<GatewayRegistrarOptions>(GatewayRegistrarOptions.SectionName); // timing and User-Agent at run time
        builder.Services.TryAddSingleton<ISipClientRequests, TransactionSipClientRequests>();
        builder.Services.AddGatewayRegistrar();
        builder.Services.AddGrpc();
        return builder;
    }

    /// <summary>The admin API under <c>/api/gateways</c> and the GatewayDirectory gRPC service (h2c port 9206).</summary>
    public static WebApplication MapGatewayRegistrarEndpoints(this WebApplication app)
    {
        app.MapGroup("/api/gateways").MapGatewayEndpoints();
        app.MapGrpcService<GatewayDirectoryGrpcService>();
        return app;
    }
}
