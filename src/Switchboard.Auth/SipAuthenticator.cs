using Microsoft.Extensions.Options;
using Switchboard.Auth.Basic;
using Switchboard.Auth.Digest;
using Switchboard.Auth.Ntlm;
using Switchboard.Auth.Parsing;

namespace Switchboard.Auth;

/// <summary>
/// One entry point for the registrar and the proxy: builds the challenge set the options advertise
/// (Digest SHA-256, Digest MD5, NTLM, Basic) and routes credentials to the right scheme.
/// </summary>
public sealed class SipAuthenticator
{
    private readonly DigestAuthenticator _digest;
    private readonly BasicAuthenticator _basic;
    private readonly NtlmAuthenticator? _ntlm;

    public SipAuthenticator(
        IOptions<AuthenticationOptions> options, IDigestCredentialStore digestStore, TimeProvider time, INtlmCredentialStore? ntlmStore = null)
        : this(options.Value, digestStore, time, ntlmStore)
    {
    }

    public SipAuthenticator(
        AuthenticationOptions options, IDigestCredentialStore digestStore, TimeProvider time, INtlmCredentialStore? ntlmStore = null)
    {
        _digest = new DigestAuthenticator(options, digestStore, time);
        _basic = new BasicAuthenticator(options, digestStore);
        _ntlm = ntlmStore is null ? null : new NtlmAuthenticator(options, ntlmStore, time);
    }

    public DigestAuthenticator Digest => _digest;

    /// <summary>The NTLM side, when an NT-hash store was given.</summary>
    public NtlmAuthenticator? Ntlm => _ntlm;

    public AuthChallenge CreateChallenge(AuthRole role, string realm, bool transportIsSecure, bool stale = false)
    {
        var values = new List<string>(4);
        values.AddRange(_digest.CreateChallenges(realm, stale));
        if (_ntlm?.CreateChallenge() is { } ntlm)
        {
            values.Add(ntlm);
        }

        if (_basic.CreateChallenge(realm, transportIsSecure) is { } basic)
        {
            values.Add(basic);
        }

        return new AuthChallenge(AuthRoleHeaders.ChallengeStatus(role), AuthRoleHeaders.ChallengeReason(role), AuthRoleHeaders.ChallengeHeader(role), values);
    }

    /// <summary>The first credentials meant for this server decide; none at all gives <see cref="AuthVerdictKind.NoCredentials"/>.</summary>
    public async ValueTask<AuthVerdict> VerifyAsync(AuthRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.CredentialBytes is { } raw)
        {
            for (var i = 0; i < raw.Count; i++)
            {
                var verdict = await VerifyOneAsync(raw[i], request, cancellationToken).ConfigureAwait(false);
                if (verdict.Kind != AuthVerdictKind.NoCredentials)
                {
                    return verdict;
                }
            }

            return AuthVerdict.NoCredentials();
        }

        foreach (var value in request.CredentialValues)
        {
            if (!AuthHeaderParser.TryParse(value, out var header, out var error))
            {
                return AuthVerdict.Unauthorized(error);
            }

            var verdict = await VerifyOneAsync(header, request, cancellationToken).ConfigureAwait(false);
            if (verdict.Kind != AuthVerdictKind.NoCredentials)
            {
                return verdict;
            }
        }

        return AuthVerdict.NoCredentials();
    }

    /// <summary>
    /// The Authentication-Info (registrar) or Proxy-Authentication-Info (proxy) value that signs a response to a
    /// request NTLM authenticated (MS-SIPAE §3.3.5.3); null for other schemes, which sign nothing.
    /// </summary>
    public static string? SignResponse(AuthVerdict verdict, SipSignatureFields response) =>
        verdict.Security?.SignResponse(response);

    // Digest straight from the bytes; other schemes and the rare Digest forms the fast reader leaves go the string way.
    private ValueTask<AuthVerdict> VerifyOneAsync(ReadOnlyMemory<byte> value, AuthRequest request, CancellationToken cancellationToken)
    {
        switch (DigestFieldReader.TryRead(value.Span, out var ranges, out var error))
        {
            case DigestReadStatus.Invalid:
                return ValueTask.FromResult(AuthVerdict.Unauthorized(error));
            case DigestReadStatus.Read:
                // Credentials for another realm belong to a server further along (RFC 3261 §22.3).
                if (ranges.Realm is not { } realm || !Utf8Text.Matches(value.Span[realm], request.Realm))
                {
                    return ValueTask.FromResult(AuthVerdict.NoCredentials());
                }

                return DigestFieldReader.TryValidate(value, ranges, out var fields, out error)
                    ? _digest.VerifyAsync(fields, request.Method, request.RequestUri, request.Body, request.Realm, cancellationToken)
                    : ValueTask.FromResult(AuthVerdict.Unauthorized(error));
            default:
                return AuthHeaderParser.TryParse(value.Span, out var header, out error)
                    ? VerifyOneAsync(header, request, cancellationToken)
                    : ValueTask.FromResult(AuthVerdict.Unauthorized(error));
        }
    }

    private ValueTask<AuthVerdict> VerifyOneAsync(AuthHeader header, AuthRequest request, CancellationToken cancellationToken)
    {
        if (header.IsScheme("Digest"))
        {
            // Credentials for another realm belong to a server further along (RFC 3261 §22.3).
            return string.Equals(header.Get("realm"), request.Realm, StringComparison.Ordinal)
                ? _digest.VerifyAsync(header, request.Method, request.RequestUri, request.Body, request.Realm, cancellationToken)
                : ValueTask.FromResult(AuthVerdict.NoCredentials());
        }

        if (header.IsScheme("NTLM") && _ntlm is not null)
        {
            return _ntlm.VerifyAsync(header, request.Signed, cancellationToken);
        }

        return header.IsScheme("Basic")
            ? _basic.VerifyAsync(header, request.Realm, request.TransportIsSecure, cancellationToken)
            : ValueTask.FromResult(AuthVerdict.NoCredentials());
    }
}
