using Microsoft.Extensions.DependencyInjection;
using Switchboard.Auth.BruteForce;
using Switchboard.Auth.Digest;
using Switchboard.Auth.Ntlm;
using Switchboard.Auth.Tests.Ntlm;

namespace Switchboard.Auth.Tests;

public class ServiceRegistrationTests
{
    [Fact]
    public void Resolves_without_an_ntlm_store()
    {
        using var provider = new ServiceCollection()
            .AddSingleton<IDigestCredentialStore>(new RecordingCredentialStore())
            .AddSwitchboardAuthentication(o => o.AdvertiseNtlm = true, l => l.RefuseThreshold = 3)
            .BuildServiceProvider(validateScopes: true);

        var auth = provider.GetRequiredService<SipAuthenticator>();

        Assert.Same(auth, provider.GetRequiredService<SipAuthenticator>());
        // No NTLM store registered: NTLM is not offered even though advertised.
        Assert.Equal(2, auth.CreateChallenge(AuthRole.Registrar, "example.com", true).Values.Count);
        Assert.NotNull(provider.GetRequiredService<BruteForceLimiter>());
    }

    [Fact]
    public void Uses_the_ntlm_store_when_registered()
    {
        using var provider = new ServiceCollection()
            .AddSingleton<IDigestCredentialStore>(new RecordingCredentialStore())
            .AddSingleton<INtlmCredentialStore>(new RecordingNtlmStore())
            .AddSwitchboardAuthentication(o => o.AdvertiseNtlm = true)
            .BuildServiceProvider();

        var values = provider.GetRequiredService<SipAuthenticator>().CreateChallenge(AuthRole.Proxy, "example.com", true).Values;

        Assert.StartsWith("NTLM ", values[^1]);
    }
}
