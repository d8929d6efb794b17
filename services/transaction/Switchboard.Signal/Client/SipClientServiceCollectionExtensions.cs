using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Contracts.Gateway;
using Switchboard.Proxy;
using Switchboard.Sip.Parsing;

namespace Switchboard.Signal.Client;

public static class SipClientServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="ISipClientRequests"/> through the server core's client transactions (the gateway registrar's
    /// REGISTERs in-process, and the transaction service's SipClient gRPC server). Registered with TryAdd: a host that
    /// registered its own keeps it.
    /// </summary>
    public static IServiceCollection AddSwitchboardSipClient(this IServiceCollection services)
    {
        services.TryAddSingleton<SipClientRequestSender>(sp => new SipClientRequestSender(
            sp.GetRequiredService<SipServerCore>,
            sp.GetRequiredService<IOptions<ProxyOptions>>().Value,
            sp.GetService<SipParser>(),
            logger: sp.GetService<ILogger<SipClientRequestSender>>()));
        services.TryAddSingleton<ISipClientRequests>(sp => sp.GetRequiredService<SipClientRequestSender>());
        return services;
    }
}
