using Microsoft.Extensions.Options;
using Switchboard.Contracts.Sip;
using Switchboard.Hosting.Bus;
using Switchboard.Protos.Clients;
using Switchboard.Protos.Transaction;
using Switchboard.Protos.Conversions;

namespace Switchboard.EdgeTransport.Service;

public static class EdgeTransportServiceExtensions
{
    /// <summary>The distributed edge: listeners whose messages cross one gRPC stream to the transaction service.</summary>
    public static IHostApplicationBuilder AddEdgeTransportService(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<SipCoreLinkOptions>(builder.Configuration.GetSection(SipCoreLinkOptions.Section));
        builder.Services.AddSingleton<GrpcSipCoreLink>();
        builder.Services.AddSingleton<ISipMessageSink>(sp => sp.GetRequiredService<GrpcSipCoreLink>());
        builder.Services.AddSingleton<IEdgeStartedObserver, CoreLinkStarter>();
        builder.Services.AddSwitchboardEdge(builder.Configuration);
        // The edge publishes no events of its own, but its log records reach the System Log over the bus, and its
        // log levels change at run time from SettingsChanged.
        builder.Services.AddSwitchboardBus(builder.Configuration, bus => bus.AddSystemLogSettingsConsumer());
        return builder;
    }

    /// <summary>Opens the stream once the listeners are bound, announcing them in the hello.</summary>
    private sealed class CoreLinkStarter(GrpcSipCoreLink link, IOptions<EdgeTransportOptions> options) : IEdgeStartedObserver
    {
        public void OnEdgeStarted(SipEdge edge)
        {
            var listeners = edge.UdpEndPoints.Select(e => Listener(SipTransport.Udp, e))
                .Concat(edge.TcpEndPoints.Select(e => Listener(SipTransport.Tcp, e)))
                .Concat(edge.TlsEndPoints.Select(e => Listener(SipTransport.Tls, e)))
                .ToArray();
            link.Start(options.Value.EdgeId, edge, listeners);
        }

        private static ListenerInfo Listener(SipTransport transport, System.Net.IPEndPoint endPoint) =>
            new() { Transport = transport.ToProto(), Endpoint = endPoint.ToProto() };
    }
}
