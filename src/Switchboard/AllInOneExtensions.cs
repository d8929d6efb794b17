using Switchboard.AdminGateway;
using Switchboard.Contracts.Sip;
using Switchboard.EdgeTransport;
using Switchboard.Hosting.Bus;
using Switchboard.MediaProxy.Service;
using Switchboard.Registrar.Service;
using Switchboard.Router.Service;
using Switchboard.Signal;

namespace Switchboard;

/// <summary>
/// Composes every service in one process: the same libraries the service processes host, wired by direct calls
/// (edge → SIP core → router/registrar) and MassTransit's in-memory bus instead of gRPC and RabbitMQ.
/// </summary>
public static class AllInOneExtensions
{
    public static IHostApplicationBuilder AddAllInOne(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddSwitchboardBus(configuration, bus =>
        {
            bus.AddAdminGatewayConsumers();
            bus.AddSettingsChangedConsumerPerInstance();
        });
        builder.AddAdminGateway();
        builder.AddRouterService();
        builder.AddRegistrarService();
        builder.AddMediaProxyService();
        // The edge delivers to the SIP core and the core sends through the edge: resolve the edge lazily.
        builder.Services.AddSingleton<ISipSender>(sp => new DeferredSipSender(sp.GetRequiredService<SipEdge>));
        builder.Services.AddSwitchboardSignal(
            signal => configuration.GetSection("Signal").Bind(signal),
            transactions => configuration.GetSection("Transactions").Bind(transactions),
            proxy => configuration.GetSection("Proxy").Bind(proxy));
        builder.Services.AddSwitchboardEdge(configuration);
        return builder;
    }

    /// <summary>The admin API of every service, the System Log, settings and the admin page on the one HTTP port.</summary>
    public static WebApplication MapAllInOneEndpoints(this WebApplication app)
    {
        app.MapRouterEndpoints();
        app.MapRegistrarEndpoints();
        app.MapMediaProxyEndpoints();
        app.MapAdminGatewayEndpoints();
        return app;
    }
}
