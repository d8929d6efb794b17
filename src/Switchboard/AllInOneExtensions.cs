using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Switchboard.AdminGateway;
using Switchboard.Contracts.Events;
using Switchboard.Contracts.Sip;
using Switchboard.EdgeTransport;
using Switchboard.GatewayRegistrar.Service;
using Switchboard.Hosting.Bus;
using Switchboard.MediaProxy.Service;
using Switchboard.Proxy;
using Switchboard.Proxy.Gateways;
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
            bus.AddSettingsConsumer(); // log levels and run-time settings of every service in this process
            bus.AddPerProcessConsumer<MediaSessionTimedOut>(); // the proxy ends calls whose media timed out (Proxy:Media:EndCallOnTimeout)
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
        builder.AddGatewayRegistrarService(); // after the core: its REGISTERs go through the core's client transactions
        builder.Services.AddSwitchboardProxyGateways(gateways => configuration.GetSection(GatewayRoutingOptions.SectionName).Bind(gateways));
        // The proxy's Via and Record-Route name the edge's own listeners unless Proxy:* sets them explicitly.
        builder.Services.AddOptions<ProxyOptions>().PostConfigure<IOptions<EdgeTransportOptions>>(
            (proxy, edge) => UseEdgeListeners(proxy, edge.Value, configuration.GetSection("Proxy")));
        return builder;
    }

    private static void UseEdgeListeners(ProxyOptions proxy, EdgeTransportOptions edge, IConfiguration explicitly)
    {
        if (FirstListener(edge.Udp) is { } udp)
        {
            proxy.UdpPort = explicitly[nameof(ProxyOptions.UdpPort)] is null ? udp.Port : proxy.UdpPort;
            bool specific = udp.AddressFamily == AddressFamily.InterNetwork && !udp.Address.Equals(IPAddress.Any);
            proxy.AdvertisedHost = explicitly[nameof(ProxyOptions.AdvertisedHost)] is null && specific ? udp.Address.ToString() : proxy.AdvertisedHost;
        }

        if (explicitly[nameof(ProxyOptions.TcpPort)] is null && FirstListener(edge.Tcp) is { } tcp)
        {
            proxy.TcpPort = tcp.Port;
        }

        if (explicitly[nameof(ProxyOptions.TlsPort)] is null && FirstListener(edge.Tls) is { } tls)
        {
            proxy.TlsPort = tls.Port;
        }
    }

    /// <summary>The first configured listener ("address:port" or a bare port) with a fixed port, if any.</summary>
    private static IPEndPoint? FirstListener(List<string> listeners)
    {
        if (listeners.Count == 0)
        {
            return null;
        }

        if (int.TryParse(listeners[0], out int port))
        {
            return port > 0 ? new IPEndPoint(IPAddress.Any, port) : null;
        }

        return IPEndPoint.TryParse(listeners[0], out IPEndPoint? endPoint) && endPoint.Port > 0 ? endPoint : null;
    }

    /// <summary>The admin API of every service, the System Log, settings and the admin page on the one HTTP port.</summary>
    public static WebApplication MapAllInOneEndpoints(this WebApplication app)
    {
        app.MapRouterEndpoints();
        app.MapRegistrarEndpoints();
        app.MapMediaProxyEndpoints();
        app.MapGatewayRegistrarEndpoints();
        app.MapAdminGatewayEndpoints();
        return app;
    }
}
