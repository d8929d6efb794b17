using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prometheus;
using Switchboard.Sip.Parsing;

namespace Switchboard.EdgeTransport;

public static class EdgeServiceCollectionExtensions
{
    /// <summary>
    /// The edge's parts: options from the <c>EdgeTransport</c> and <c>SipParser</c> sections, the listeners
    /// (started by a hosted service) and the sender. The caller registers the <see cref="Contracts.Sip.ISipMessageSink"/>:
    /// the SIP core itself (all-in-one) or the stream to the transaction service.
    /// </summary>
    public static IServiceCollection AddSwitchboardEdge(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EdgeTransportOptions>(configuration.GetSection(EdgeTransportOptions.Section));
        services.TryAddSingleton(configuration.GetSection("SipParser").Get<SipParserOptions>() ?? new SipParserOptions());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMetricFactory>(Metrics.DefaultFactory);
        services.TryAddSingleton<EdgeMetrics>();
        services.TryAddSingleton<EdgeInbound>();
        services.TryAddSingleton<SipEdge>();
        services.AddHostedService<EdgeHostedService>();
        return services;
    }
}
