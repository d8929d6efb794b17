using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;
using Switchboard.Auth;
using Switchboard.Auth.Digest;
using Switchboard.Contracts.Sip;
using Switchboard.Signal.Auth;
using Switchboard.Signal.Handlers;
using Switchboard.Signal.Metrics;
using Switchboard.Signal.Registration;
using Switchboard.Sip.Parsing;
using Switchboard.Transaction;
using Switchboard.Transaction.Options;

namespace Switchboard.Signal;

public static class SignalServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SIP server core as the edge's <see cref="ISipMessageSink"/>, with the handler chain OPTIONS →
    /// REGISTER → not-yet-served (a later handler, e.g. the proxy, is inserted before the last one by registering it
    /// as an <see cref="ISipRequestHandler"/> before calling this). The host provides <see cref="ISipSender"/>,
    /// <c>ICredentialLookup</c>, <c>IAddressResolutionService</c> and <c>IRegistrarService</c>.
    /// </summary>
    public static IServiceCollection AddSwitchboardSignal(
        this IServiceCollection services, Action<SignalOptions>? configure = null, Action<TransactionOptions>? configureTransactions = null)
    {
        services.AddOptions<SignalOptions>().Configure(o => configure?.Invoke(o));
        services.AddOptions<TransactionOptions>().Configure(o => configureTransactions?.Invoke(o));
        services.AddSwitchboardAuthentication();
        services.AddOptions<AuthenticationOptions>().Configure<IOptions<SignalOptions>>((auth, signal) =>
        {
            auth.AdvertiseDigest = signal.Value.AdvertiseDigest;
            auth.AdvertiseNtlm = signal.Value.AdvertiseNtlm;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMetricFactory>(_ => Prometheus.Metrics.DefaultFactory);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<SignalOptions>>().Value);
        services.TryAddSingleton(_ => new SipParser(null));
        services.TryAddSingleton<IDigestCredentialStore, CredentialLookupStore>();
        services.TryAddSingleton(sp => new TransactionContext(
            sp.GetRequiredService<IOptions<TransactionOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton<SignalMetrics>();
        services.TryAddSingleton<ServerIdentity>();
        services.TryAddSingleton<RegisterAuthorizer>();
        services.AddSingleton<ISipRequestHandler, OptionsHandler>();
        services.AddSingleton<ISipRequestHandler, RegisterHandler>();
        services.AddSingleton<ISipRequestHandler, NotYetServedHandler>();
        services.TryAddSingleton<SipRequestHandlerChain>();
        services.TryAddSingleton<IStatelessResponseHandler, DroppingResponseHandler>();
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
}
