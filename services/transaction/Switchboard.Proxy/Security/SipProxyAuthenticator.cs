using Switchboard.Auth;

namespace Switchboard.Proxy.Security;

/// <summary>The shared <see cref="SipAuthenticator"/> in the proxy role (407 + Proxy-Authenticate, RFC 3261 §22.3).</summary>
public sealed class SipProxyAuthenticator : IProxyAuthenticator
{
    private readonly SipAuthenticator _authenticator;

    public SipProxyAuthenticator(SipAuthenticator authenticator)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        _authenticator = authenticator;
    }

    public ValueTask<AuthVerdict> VerifyAsync(AuthRequest request, CancellationToken cancellationToken) =>
        _authenticator.VerifyAsync(request, cancellationToken);

    public AuthChallenge CreateChallenge(string realm, bool transportIsSecure, bool stale) =>
        _authenticator.CreateChallenge(AuthRole.Proxy, realm, transportIsSecure, stale);
}
