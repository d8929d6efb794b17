using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;
using Switchboard.Auth;
using Switchboard.Auth.Digest;
using Switchboard.Contracts;
using Switchboard.Contracts.Registrar;
using Switchboard.Contracts.Routing;
using Switchboard.Contracts.Sip;
using Switchboard.Locating;
using Switchboard.Proxy;
using Switchboard.Proxy.Metrics;
using Switchboard.Proxy.Security;
using Switchboard.Proxy.Transport;
using Switchboard.Signal.Auth;
using Switchboard.Signal.Handlers;
using Switchboard.Signal.Metrics;
using Switchboard.Signal.Proxying;
using Switchboard.Signal.Registration;
using Switchboard.Sip.Parsing;
using Switchboard.Transaction;
using Switchboard.Transaction.Options;

namespace Switchboard.Signal;

public static class SignalServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SIP server core as the edge's <see cref="ISipMessageSink"/>, with the handler chain OPTIONS →
    /// REGISTER → the stateful proxy (which also forwards stray 2xx responses). The host provides
    /// <see cref="ISipSender"/>, <c>ICredentialLookup</c>, <c>IAddressResolutionService</c> and
    /// <c>IRegistrarService</c>; optionally <c>IEventPublisher</c> (call events) and <c>INextHopLocator</c> (RFC 3263;
    /// default: IP literals only). <paramref name="configureProxy"/> sets <see cref="ProxyOptions"/> (the server names
    /// of <see cref="SignalOptions"/> count as the proxy's own too).
    /// </summary>
    public static IServiceCollection AddSwitchboardSignal(
        this IServiceCollection services,
        Action<SignalOptions>? configure = null,
        Action<TransactionOptions>? configureTransactions = null,
        Action<ProxyOptions>? configureProxy = null)
    {
        services.AddOptions<SignalOptions>().Configure(o => configure?.Invoke(o));
        services.AddOptions<TransactionOptions>().Configure(o => configureTransactions?.Invoke(o));
        services.AddSwitchboardAuthentication();
        services.AddOptions<AuthenticationOptions>().Configure<IOptions<SignalOptions>>((auth, signal) =>
        {
            auth.AdvertiseDigest = signal.Value.AdvertiseDigest;
            auth.AdvertiseNtlm = signal.Value.AdvertiseNtlm;
            auth.NtlmTargetName = signal.Value.NtlmTargetName;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMetricFactory>(_ => Prometheus.Metrics.DefaultFactory);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<SignalOptions>>().Value);
        services.TryAddSingleton(_ => new SipParser(null));
        services.TryAddSingleton<CredentialLookupStore>();
        services.TryAddSingleton<IDigestCredentialStore>(sp => sp.GetRequiredService<CredentialLookupStore>());
        services.TryAddSingleton<Switchboard.Auth.Ntlm.INtlmCredentialStore>(sp => sp.GetRequiredService<CredentialLookupStore>());
        services.TryAddSingleton(sp => new TransactionContext(
            sp.GetRequiredService<IOptions<TransactionOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton<SignalMetrics>();
        services.TryAddSingleton<ServerIdentity>();
        services.TryAddSingleton<RegisterAuthorizer>();
        services.AddSingleton<ISipRequestHandler, OptionsHandler>();
        services.AddSingleton<ISipRequestHandler, RegisterHandler>();
        services.AddSwitchboardProxy(configureProxy);
        services.AddSingleton<ISipRequestHandler, ProxyRequestHandler>();
        Client.SipClientServiceCollectionExtensions.AddSwitchboardSipClient(services);
        services.TryAddSingleton<SipRequestHandlerChain>();
        services.TryAddSingleton<IStatelessResponseHandler>(sp => sp.GetRequiredService<ProxyStrayResponseHandler>());
        services.TryAddSingleton(sp => new SipServerCore(
            sp.GetRequiredService<ISipSender>(),
            sp.GetRequiredService<TransactionContext>(),
            sp.GetRequiredService<SipRequestHandlerChain>(),
            sp.GetRequiredService<SignalOptions>(),
            sp.GetRequiredService<SignalMetrics>(),
            sp.GetRequiredService<IStatelessResponseHandler>(),
            sp.GetRequiredService<SipParser>()));
        services.TryAddSingleton<ISipMessageSink>(sp => sp.GetRequiredService<SipServerCore>());
        return services;
    }

    /// <summary>The proxy and what it needs; its transport is the core itself (resolved on first use).</summary>
    private static void AddSwitchboardProxy(this IServiceCollection services, Action<ProxyOptions>? configure)
    {
        services.AddOptions<ProxyOptions>().Configure<IOptions<SignalOptions>>((proxy, signal) =>
        {
            proxy.ServerNames = [.. signal.Value.ServerNames];
            proxy.Md5OnlyUserAgents = [.. signal.Value.Md5OnlyUserAgents]; // one "SIP Clients Support" setting for 401 and 407
            configure?.Invoke(proxy);
        });
        services.TryAddSingleton<ProxyMetrics>();
        services.AddSipServerLocator();
        services.TryAddSingleton<INextHopLocator>(sp => new DnsNextHopLocator(sp.GetRequiredService<ISipServerLocator>()));
        services.TryAddSingleton<IProxyAuthenticator>(sp => new SipProxyAuthenticator(sp.GetRequiredService<SipAuthenticator>()));
        services.TryAddSingleton<IProxyTransport>(sp => new SignalProxyTransport(sp.GetRequiredService<SipServerCore>));
        services.TryAddSingleton(sp => new SipProxy(
            sp.GetRequiredService<IOptions<ProxyOptions>>().Value,
            sp.GetRequiredService<IProxyTransport>(),
            sp.GetRequiredService<IAddressResolutionService>(),
            sp.GetRequiredService<IRegistrarService>(),
            sp.GetRequiredService<IProxyAuthenticator>(),
            sp.GetService<IEventPublisher>(),
            sp.GetRequiredService<ProxyMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<INextHopLocator>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<SipProxy>(),
            sp.GetService<Switchboard.Contracts.Media.IMediaRelayControl>(), // media relay when the host has one
            sp.GetService<Switchboard.Proxy.Security.IGatewayTrust>())); // gateway sources when gateways are configured
        services.AddSingleton<Switchboard.Contracts.Events.IEventHandler<Switchboard.Contracts.Events.MediaSessionTimedOut>>(
            sp => new Switchboard.Proxy.Media.MediaTimeoutHandler(sp.GetRequiredService<SipProxy>()));
        services.TryAddSingleton(sp => new ProxyStrayResponseHandler(
            sp.GetRequiredService<SipProxy>(),
            sp.GetRequiredService<SignalMetrics>(),
            sp.GetRequiredService<SipParser>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<ProxyStrayResponseHandler>()
                ?? Microsoft.Extensions.Logging.Abstractions.NullLogger<ProxyStrayResponseHandler>.Instance));
    }
}
