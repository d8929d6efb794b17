using Switchboard.Auth;

namespace Switchboard.Proxy.Security;

/// <summary>Digest (and NTLM, MS-SIPAE) for the proxy role: verify Proxy-Authorization, build 407 challenges (Proxy-Authenticate).</summary>
public interface IProxyAuthenticator
{
    ValueTask<AuthVerdict> VerifyAsync(AuthRequest request, CancellationToken cancellationToken);

    AuthChallenge CreateChallenge(string realm, bool transportIsSecure, bool stale);
}
