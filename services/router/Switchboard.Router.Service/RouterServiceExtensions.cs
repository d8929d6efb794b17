using Switchboard.Hosting.Settings;
using Switchboard.Router.Resolution;
using Switchboard.Router.Service.Admin;
using Switchboard.Router.Service.Events;
using Switchboard.Router.Service.Grpc;
using Switchboard.Router.Storage;

namespace Switchboard.Router.Service;

public static class RouterServiceExtensions
{
    /// <summary>The configuration section of <see cref="ResolverOptions"/> (settings component "Router", keys "Resolver:…").</summary>
    public const string ResolverSection = "Router:Resolver";

    /// <summary>
    /// The router library (SQLite under <c>Storage:DataDirectory</c>, resolver options from <c>Router:Resolver</c>),
    /// gRPC, and the bridge that publishes routing changes on the bus when an IEventPublisher is registered.
    /// </summary>
    public static IHostApplicationBuilder AddRouterService(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddSwitchboardRouter();
        builder.Services.Configure<RouterStorageOptions>(configuration.GetSection("Storage"));
        builder.Services.Configure<ResolverOptions>(configuration.GetSection(ResolverSection));
        builder.Services.AddRuntimeOptions<ResolverOptions>(ResolverSection); // SettingsChanged("Router", "Resolver:…") at run time
        builder.Services.Configure<RouterServiceOptions>(configuration.GetSection(RouterServiceOptions.SectionName));
        builder.Services.AddGrpc();
        builder.Services.AddHostedService<RoutingChangePublisher>();
        return builder;
    }

    /// <summary>The gRPC Router service and the admin API under <c>/api/router</c>.</summary>
    public static WebApplication MapRouterEndpoints(this WebApplication app)
    {
        app.MapGrpcService<RouterGrpcService>();
        var api = app.MapGroup("/api/router");
        api.MapDomainEndpoints();
        api.MapAccountEndpoints();
        api.MapAliasEndpoints();
        api.MapForwarderEndpoints();
        api.MapRouterTableEndpoints();
        return app;
    }
}
