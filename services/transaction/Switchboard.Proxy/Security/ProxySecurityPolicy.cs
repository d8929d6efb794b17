using System.Text;
using Switchboard.Auth;
using Switchboard.Contracts.Routing;
using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Routing;
using Switchboard.Sip;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Uris;

namespace Switchboard.Proxy.Security;

/// <summary>
/// Who may use the proxy for what. Trusted sources pass. In-dialog requests that came by our own Record-Route pass.
/// Requests from a local domain (From) are challenged with 407 and must then name their own account. Anyone may
/// reach a local destination; a foreign destination (by Request-URI or by a Route left after ours) needs an
/// authenticated local user — so no header can turn the proxy into an open relay. A configured gateway's own
/// addresses (<see cref="IGatewayTrust"/>) may reach local destinations without a challenge whatever their From says;
/// its inbound numbers (DIDs) are for the gateway and authenticated local users only.
/// </summary>
public sealed class ProxySecurityPolicy
{
    private readonly ProxyOptions _options;
    private readonly ProxyIdentity _identity;
    private readonly IAddressResolutionService _domains;
    private readonly IProxyAuthenticator _authenticator;
    private readonly TrustedNetworks _trusted;
    private readonly Md5OnlyClients _md5Only;
    private readonly IGatewayTrust? _gateways;

    public ProxySecurityPolicy(
        ProxyOptions options, ProxyIdentity identity, IAddressResolutionService domains, IProxyAuthenticator authenticator,
        IGatewayTrust? gateways = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(authenticator);
        _options = options;
        _identity = identity;
        _domains = domains;
        _authenticator = authenticator;
        _trusted = new TrustedNetworks(options.TrustedNetworks);
        _md5Only = new Md5OnlyClients(options.Md5OnlyUserAgents);
        _gateways = gateways;
    }

    public async ValueTask<SecurityDecision> CheckAsync(
        SipMessage request, SipFlow source, RouteProcessing routing, bool inDialog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(routing);
        if (_trusted.Contains(source.Remote.Address) || (inDialog && routing.ViaOurRecordRoute))
        {
            return await AllowSignedAsync(request, source, cancellationToken).ConfigureAwait(false);
        }

        bool localDestination = await IsLocalDestinationAsync(request, routing, cancellationToken).ConfigureAwait(false);
        if (_gateways is not null && _gateways.IsGatewaySource(source.Remote.Address))
        {
            // Inbound gateway traffic: its From names PSTN callers (perhaps in our domain), not accounts of ours.
            return localDestination ? SecurityDecision.Allow() : SecurityDecision.Reject(403, "Relaying Denied");
        }

        SipUri? from = FromUri(request);
        bool localCaller = from is not null && await _domains.IsLocalDomainAsync(from.Host, cancellationToken).ConfigureAwait(false);
        bool gatewayNumber = !inDialog && localDestination && IsGatewayNumber(request, routing);
        if (localCaller && !inDialog && (_options.ChallengeLocalCallers || !localDestination || gatewayNumber))
        {
            return await AuthenticateAsync(request, source, from!, cancellationToken).ConfigureAwait(false);
        }

        if (gatewayNumber)
        {
            return SecurityDecision.Reject(403, "Gateway Numbers Are Reachable From The Gateway Only");
        }

        return localDestination ? SecurityDecision.Allow() : SecurityDecision.Reject(403, "Relaying Denied");
    }

    /// <summary>The Request-URI user is an inbound gateway number (DID), which only the gateway may use unauthenticated.</summary>
    private bool IsGatewayNumber(SipMessage request, RouteProcessing routing)
    {
        if (_gateways is null)
        {
            return false;
        }

        SipUri? target = routing.RestoredRequestUri;
        if (target is null && !SipUri.TryParse(request.GetSpan(request.RequestUri), out target))
        {
            return false;
        }

        return target.User is { Length: > 0 } user && _gateways.IsGatewayNumber(user);
    }

    private async ValueTask<bool> IsLocalDestinationAsync(SipMessage request, RouteProcessing routing, CancellationToken cancellationToken)
    {
        SipUri? destination = routing.NextRoute ?? routing.RestoredRequestUri;
        if (destination is null && !SipUri.TryParse(request.GetSpan(request.RequestUri), out destination))
        {
            return false;
        }

        if (destination.Scheme is not (UriScheme.Sip or UriScheme.Sips))
        {
            return false; // tel: and other schemes reach gateways: for authenticated users only
        }

        return _identity.IsUs(destination) || await _domains.IsLocalDomainAsync(destination.Host, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<SecurityDecision> AuthenticateAsync(SipMessage request, SipFlow source, SipUri from, CancellationToken cancellationToken)
    {
        string realm = from.Host;
        bool secure = source.Transport == SipTransport.Tls;
        AuthVerdict verdict = await _authenticator.VerifyAsync(ToAuthRequest(request, realm, secure), cancellationToken).ConfigureAwait(false);
        if (verdict.Kind == AuthVerdictKind.Continue)
        {
            // NTLM's second leg (MS-SIPAE §3.3.5.1): the 407 carries the CHALLENGE for this handshake only.
            return Challenge(request, new AuthChallenge(
                AuthRoleHeaders.ChallengeStatus(AuthRole.Proxy), AuthRoleHeaders.ChallengeReason(AuthRole.Proxy), AuthRoleHeaders.ChallengeHeader(AuthRole.Proxy), [verdict.Challenge!]));
        }

        if (!verdict.IsOk)
        {
            return Challenge(request, _authenticator.CreateChallenge(realm, secure, verdict.Kind == AuthVerdictKind.Stale));
        }

        // Windows account names (NTLM) are case-insensitive, as the registrar treats them.
        if (_options.RequireFromMatchesAccount && !string.Equals(from.User, verdict.User, StringComparison.OrdinalIgnoreCase))
        {
            return SecurityDecision.Reject(403, "From Does Not Match The Account");
        }

        return SecurityDecision.Allow(verdict.User, verdict.Security);
    }

    /// <summary>
    /// A request allowed without a challenge (in-dialog, trusted) that still carries a valid MS-SIPAE signature gets
    /// its responses signed, as the client expects once it has a security association with us; without one it
    /// passes as before, unsigned.
    /// </summary>
    private async ValueTask<SecurityDecision> AllowSignedAsync(SipMessage request, SipFlow source, CancellationToken cancellationToken)
    {
        if (!SipMessageSignatureFields.HasNtlmCredentials(request, HeaderKind.ProxyAuthorization))
        {
            return SecurityDecision.Allow();
        }

        AuthRequest authRequest = ToAuthRequest(request, string.Empty, source.Transport == SipTransport.Tls);
        AuthVerdict verdict = await _authenticator.VerifyAsync(authRequest, cancellationToken).ConfigureAwait(false);
        return verdict.IsOk && verdict.Security is not null ? SecurityDecision.Allow(verdict.User, verdict.Security) : SecurityDecision.Allow();
    }

    private SecurityDecision Challenge(SipMessage request, AuthChallenge challenge) =>
        SecurityDecision.Reject(
            challenge.Status, challenge.Reason,
            _md5Only.Filter(request, challenge.Values).Select(v => new KeyValuePair<string, string>(challenge.HeaderName, v)).ToList());

    private static AuthRequest ToAuthRequest(SipMessage request, string realm, bool secure)
    {
        var credentials = new List<string>();
        foreach (SipHeader header in request.GetHeaders(HeaderKind.ProxyAuthorization))
        {
            credentials.Add(Encoding.UTF8.GetString(request.GetValue(header)));
        }

        bool ntlm = SipMessageSignatureFields.HasNtlmCredentials(request, HeaderKind.ProxyAuthorization);
        return new AuthRequest(
            credentials, Encoding.ASCII.GetString(request.GetSpan(request.MethodRange)), request.GetString(request.RequestUri)!,
            request.Body.IsPresent ? request.Buffer[request.Body.Start..request.Body.End] : ReadOnlyMemory<byte>.Empty, realm, secure,
            ntlm ? SipMessageSignatureFields.Read(request) : null); // only NTLM signs; Digest pays nothing
    }

    private static SipUri? FromUri(SipMessage request) =>
        request.TryGetFrom(out SipNameAddress from) && SipUri.TryParse(from.Uri.Of(request.Span), out SipUri? uri)
        && uri.Scheme is UriScheme.Sip or UriScheme.Sips ? uri : null;
}
