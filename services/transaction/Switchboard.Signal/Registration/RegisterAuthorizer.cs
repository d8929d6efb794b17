using System.Text;
using Switchboard.Auth;
using Switchboard.Auth.BruteForce;
using Switchboard.Auth.Digest;
using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Security;
using Switchboard.Signal.Auth;
using Switchboard.Signal.Handlers;
using Switchboard.Signal.Metrics;
using Switchboard.Sip;

namespace Switchboard.Signal.Registration;

/// <summary>
/// Digest (or NTLM) authentication of a REGISTER (RFC 3261 §22.4): 401 with challenges when credentials are missing,
/// wrong or replayed (a retry gets a fresh nonce), stale=true on an expired nonce, 403 when the authenticated user is
/// not the To user or the brute-force limiter refuses the source or account.
/// </summary>
public sealed class RegisterAuthorizer
{
    private readonly SipAuthenticator _authenticator;
    private readonly BruteForceLimiter _limiter;
    private readonly SignalMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly string? _fixedRealm;
    private readonly Md5OnlyClients _md5Only;

    public RegisterAuthorizer(SipAuthenticator authenticator, BruteForceLimiter limiter, SignalMetrics metrics, TimeProvider time, SignalOptions options)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        ArgumentNullException.ThrowIfNull(limiter);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        _authenticator = authenticator;
        _limiter = limiter;
        _metrics = metrics;
        _time = time;
        _fixedRealm = options.FixedRealm;
        _md5Only = new Md5OnlyClients(options.Md5OnlyUserAgents);
    }

    /// <summary>Allowed when the request may go on; otherwise it has been answered.</summary>
    public async ValueTask<RegisterAuthorization> AuthorizeAsync(SipRequestContext context, string user, string domain, CancellationToken cancellationToken)
    {
        string source = context.Flow.Remote.Address.ToString();
        string account = user + "@" + domain;
        LimitVerdict limit = _limiter.Check(source, account);
        if (limit.Action == LimitAction.Refuse)
        {
            _metrics.AuthFailed();
            context.Respond(403, "Forbidden");
            return RegisterAuthorization.Answered;
        }

        if (limit.Action == LimitAction.Delay)
        {
            await Task.Delay(limit.Delay, _time, cancellationToken).ConfigureAwait(false);
        }

        string realm = _fixedRealm ?? domain;
        bool secure = context.Flow.Transport == SipTransport.Tls;
        AuthVerdict verdict = await _authenticator.VerifyAsync(ToAuthRequest(context.Request, realm, secure), cancellationToken).ConfigureAwait(false);
        switch (verdict.Kind)
        {
            // Windows account names (NTLM) are case-insensitive; Digest user names are not.
            case AuthVerdictKind.Ok when string.Equals(verdict.User, user, verdict.Security is null ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase):
                _limiter.RecordSuccess(account);
                return new RegisterAuthorization(true, verdict.Security);
            case AuthVerdictKind.Ok:
                // Valid credentials of another account: RFC 3261 §10.3 step 3 (not authorized to register this AOR).
                _metrics.AuthFailed();
                context.Respond(403, "Forbidden");
                return RegisterAuthorization.Answered;
            case AuthVerdictKind.Continue:
                Challenge(context, [verdict.Challenge!]);
                return RegisterAuthorization.Answered;
            case AuthVerdictKind.Unauthorized:
                _limiter.RecordFailure(source, account);
                _metrics.AuthFailed();
                Challenge(context, ChallengeValues(context.Request, realm, secure, stale: false));
                return RegisterAuthorization.Answered;
            default:
                bool stale = verdict.Kind == AuthVerdictKind.Stale;
                Challenge(context, ChallengeValues(context.Request, realm, secure, stale));
                return RegisterAuthorization.Answered;
        }
    }

    // A client that gets the MD5 challenge alone (SIPp, sipsak) is sent just that one: the others are not written at all.
    private IReadOnlyList<string> ChallengeValues(SipMessage request, string realm, bool secure, bool stale) =>
        _authenticator.Digest.Offers(DigestAlgorithm.Md5) && _md5Only.WantsMd5Only(request)
            ? [_authenticator.Digest.CreateChallenge(realm, DigestAlgorithm.Md5, stale)]
            : _authenticator.CreateChallenge(AuthRole.Registrar, realm, secure, stale).Values;

    private void Challenge(SipRequestContext context, IReadOnlyList<string> values)
    {
        values = _md5Only.Filter(context.Request, values);
        string header = AuthRoleHeaders.ChallengeHeader(AuthRole.Registrar);
        var headers = new KeyValuePair<string, string>[values.Count];
        for (int i = 0; i < headers.Length; i++)
        {
            headers[i] = new(header, values[i]);
        }

        _metrics.ChallengeSent();
        context.Respond(AuthRoleHeaders.ChallengeStatus(AuthRole.Registrar), AuthRoleHeaders.ChallengeReason(AuthRole.Registrar), headers);
    }

    // The Authorization values go as slices of the received bytes: Digest is checked on them without strings.
    private static AuthRequest ToAuthRequest(SipMessage request, string realm, bool secure)
    {
        var values = new ReadOnlyMemory<byte>[request.Count(HeaderKind.Authorization)];
        bool ntlm = false;
        int count = 0;
        foreach (SipHeader header in request.GetHeaders(HeaderKind.Authorization))
        {
            ReadOnlyMemory<byte> value = request.Buffer[header.Value.Start..header.Value.End];
            ntlm |= value.Length > 4 && Ascii.EqualsIgnoreCase(value.Span[..5], "NTLM "u8);
            values[count++] = value;
        }

        return new AuthRequest(
            [],
            "REGISTER",
            request.GetString(request.RequestUri) ?? string.Empty,
            request.Body.IsPresent ? request.Buffer[request.Body.Start..request.Body.End] : ReadOnlyMemory<byte>.Empty,
            realm,
            secure,
            ntlm ? SipSignatureFieldsReader.ForRequest(request) : null) // only NTLM signs; Digest pays nothing
        {
            CredentialBytes = values,
        };
    }
}
