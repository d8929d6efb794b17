using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Prometheus;
using Switchboard.Contracts.Media;

namespace Switchboard.MediaProxy.Service;

public static class MediaProxyServiceExtensions
{
    public const string SessionsPath = "/api/media/sessions";

    /// <summary>
    /// The relay (options from the <c>MediaProxy</c> section), <see cref="IMediaRelayControl"/> in-process, gRPC,
    /// the Prometheus export and the timeout event. Metrics go to the <see cref="CollectorRegistry"/> in the container
    /// (the default registry unless the host registered its own).
    /// </summary>
    public static IHostApplicationBuilder AddMediaProxyService(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(MediaProxyServiceOptions.SectionName);
        services.AddOptions<MediaRelayOptions>().Bind(section).ValidateOnStart();
        services.AddOptions<MediaProxyServiceOptions>().Bind(section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MediaRelayOptions>, MediaRelayOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<MediaRelayOptions>, PortRangeSlotSetup>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MediaRelay>();
        services.TryAddSingleton<IMediaRelay>(sp => sp.GetRequiredService<MediaRelay>());
        services.TryAddSingleton<LocalMediaRelayControl>();
        services.TryAddSingleton<IMediaRelayControl>(sp => sp.GetRequiredService<LocalMediaRelayControl>());
        services.TryAddSingleton(Metrics.DefaultRegistry);
        services.AddHostedService<MediaRelayMetricsExporter>();
        services.AddHostedService<MediaTimeoutPublisher>();
        services.AddGrpc();
        return builder;
    }

    /// <summary>The gRPC control service and <c>GET /api/media/sessions[/{callId}]</c> (JSON, for the admin page).</summary>
    public static WebApplication MapMediaProxyEndpoints(this WebApplication app)
    {
        app.MapGrpcService<MediaRelayControlGrpcService>();
        app.MapGet(SessionsPath, (IMediaRelay relay, LocalMediaRelayControl local) =>
            relay.GetSessions().Select(s => MediaSessionView.From(local.InstanceId, s)).ToArray());
        app.MapGet(SessionsPath + "/{callId}", (string callId, IMediaRelay relay, LocalMediaRelayControl local) =>
            relay.GetSession(callId) is { } session
                ? Results.Ok(MediaSessionView.From(local.InstanceId, session))
                : Results.NotFound());
        return app;
    }
}
