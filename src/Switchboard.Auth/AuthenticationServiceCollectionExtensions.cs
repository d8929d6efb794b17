using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Auth.BruteForce;

namespace Switchboard.Auth;

public static class AuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SipAuthenticator"/> and <see cref="BruteForceLimiter"/> as singletons (they hold the
    /// nonce table and counters). The host registers <see cref="Digest.IDigestCredentialStore"/> and, for NTLM,
    /// <see cref="Ntlm.INtlmCredentialStore"/>.
    /// </summary>
    public static IServiceCollection AddSwitchboardAuthentication(
        this IServiceCollection services, Action<AuthenticationOptions>? configure = null, Action<BruteForceOptions>? configureLimiter = null)
    {
        services.AddOptions<AuthenticationOptions>().Configure(o => configure?.Invoke(o));
        services.AddOptions<BruteForceOptions>().Configure(o => configureLimiter?.Invoke(o));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SipAuthenticator>();
        services.TryAddSingleton<BruteForceLimiter>();
        return services;
    }
}
