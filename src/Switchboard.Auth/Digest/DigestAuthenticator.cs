using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Switchboard.Auth.Parsing;

namespace Switchboard.Auth.Digest;

/// <summary>
/// Server side of SIP Digest (RFC 3261 §22, RFC 7616, RFC 8760): writes challenges and checks answers.
/// The realm is the domain the request is for; the caller picks the role's headers with <see cref="AuthRoleHeaders"/>.
/// </summary>
public sealed class DigestAuthenticator
{
    private readonly AuthenticationOptions _options;
    private readonly IDigestCredentialStore _store;
    private readonly DigestNonces _nonces;
    private readonly NonceCountTable _counts;

    public DigestAuthenticator(IOptions<AuthenticationOptions> options, IDigestCredentialStore store, TimeProvider time)
        : this(options.Value, store, time)
    {
    }

    public DigestAuthenticator(AuthenticationOptions options, IDigestCredentialStore store, TimeProvider time)
    {
        _options = options;
        _store = store;
        _nonces = new DigestNonces(options.NonceSecret, options.NonceLifetime, time);
        _counts = new NonceCountTable(options.NonceTableCapacity);
    }

    public DigestNonces Nonces => _nonces;

    public NonceCountTable NonceCounts => _counts;

    /// <summary>One challenge value per configured algorithm (SHA-256 first by default); empty when Digest is not advertised.</summary>
    public IReadOnlyList<string> CreateChallenges(string realm, bool stale = false)
    {
        if (!_options.AdvertiseDigest)
        {
            return [];
        }

        var nonce = _nonces.Create(realm);
        var result = new string[_options.DigestAlgorithms.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = WriteChallenge(realm, nonce, _options.DigestAlgorithms[i], stale);
        }

        return result;
    }

    public string CreateChallenge(string realm, DigestAlgorithm algorithm, bool stale = false) =>
        WriteChallenge(realm, _nonces.Create(realm), algorithm, stale);

    /// <summary>Checks the first Digest value among <paramref name="headerValues"/> whose realm is <paramref name="realm"/>.</summary>
    public ValueTask<AuthVerdict> VerifyAsync(
        IEnumerable<string> headerValues, string method, string? requestUri, ReadOnlyMemory<byte> body, string realm, CancellationToken cancellationToken = default)
    {
        foreach (var value in headerValues)
        {
            if (AuthHeaderParser.TryParse(value, out var header, out _) && header.IsScheme("Digest")
                && string.Equals(header.Get("realm"), realm, StringComparison.Ordinal))
            {
                return VerifyAsync(header, method, requestUri, body, realm, cancellationToken);
            }
        }

        return ValueTask.FromResult(AuthVerdict.NoCredentials());
    }

    public ValueTask<AuthVerdict> VerifyAsync(
        AuthHeader header, string method, string? requestUri, ReadOnlyMemory<byte> body, string realm, CancellationToken cancellationToken = default)
    {
        if (!DigestCredentials.TryParse(header, out var credentials, out var error))
        {
            return ValueTask.FromResult(AuthVerdict.Unauthorized(error));
        }

        return VerifyAsync(credentials, method, requestUri, body, realm, cancellationToken);
    }

    public async ValueTask<AuthVerdict> VerifyAsync(
        DigestCredentials credentials, string method, string? requestUri, ReadOnlyMemory<byte> body, string realm, CancellationToken cancellationToken = default)
    {
        if (!string.Equals(credentials.Realm, realm, StringComparison.Ordinal))
        {
            return AuthVerdict.NoCredentials();
        }

        var precheck = Precheck(credentials, requestUri);
        if (precheck is not null)
        {
            return precheck.Value;
        }

        var nonceStatus = _nonces.Check(credentials.Nonce, realm, out var issuedAtMs);
        if (nonceStatus == NonceStatus.Invalid)
        {
            return AuthVerdict.Unauthorized("nonce not issued by this server", credentials.User);
        }

        var ha1 = await _store.GetHa1Async(credentials.User, realm, credentials.Algorithm.Base(), cancellationToken).ConfigureAwait(false);
        if (ha1 is null)
        {
            return AuthVerdict.Unauthorized("unknown user", credentials.User);
        }

        if (!ResponseMatches(credentials, ha1, method, body.Span))
        {
            return AuthVerdict.Unauthorized("wrong response", credentials.User);
        }

        // Only a correct digest learns that its nonce is stale (RFC 7616 §3.3, stale flag).
        return nonceStatus == NonceStatus.Stale ? AuthVerdict.Stale(credentials.User) : CheckReplay(credentials, issuedAtMs);
    }

    private AuthVerdict? Precheck(DigestCredentials credentials, string? requestUri)
    {
        if (!_options.DigestAlgorithms.Contains(credentials.Algorithm))
        {
            return AuthVerdict.Unauthorized("algorithm not accepted", credentials.User);
        }

        if (credentials.Qop is null && !_options.AllowRfc2069)
        {
            return AuthVerdict.Unauthorized("RFC 2069 digest (no qop) not accepted", credentials.User);
        }

        if (credentials.Qop is not null && !credentials.Qop.Equals("auth", StringComparison.OrdinalIgnoreCase)
            && !credentials.Qop.Equals("auth-int", StringComparison.OrdinalIgnoreCase))
        {
            return AuthVerdict.Unauthorized("unsupported qop", credentials.User);
        }

        if (credentials.Opaque is not null && !string.Equals(credentials.Opaque, _nonces.Opaque, StringComparison.Ordinal))
        {
            return AuthVerdict.Unauthorized("opaque mismatch", credentials.User);
        }

        if (requestUri is not null && !string.Equals(credentials.Uri, requestUri, StringComparison.Ordinal))
        {
            return AuthVerdict.Unauthorized("digest uri differs from the request-URI", credentials.User);
        }

        return null;
    }

    private static bool ResponseMatches(DigestCredentials c, byte[] ha1, string method, ReadOnlySpan<byte> body)
    {
        Span<byte> expected = stackalloc byte[32];
        var length = DigestResponse.ComputeRaw(c.Algorithm, ha1, c.Nonce, c.NonceCount, c.Cnonce, NormalQop(c.Qop), method, c.Uri, body, expected);

        // Hex compares case-insensitively once decoded; the length is not secret, the bytes are compared in constant time.
        Span<byte> given = stackalloc byte[DigestCredentials.MaxResponseLength / 2];
        return c.Response.Length == 2 * length
            && Convert.FromHexString(c.Response, given, out _, out var written) == OperationStatus.Done
            && CryptographicOperations.FixedTimeEquals(expected[..length], given[..written]);
    }

    private static string? NormalQop(string? qop) =>
        qop is null ? null : qop.Equals("auth-int", StringComparison.OrdinalIgnoreCase) ? "auth-int" : "auth";

    private AuthVerdict CheckReplay(DigestCredentials credentials, long issuedAtMs)
    {
        _counts.PurgeIssuedBefore(_nonces.NowMs - (long)_nonces.Lifetime.TotalMilliseconds);
        if (credentials.Qop is null && !_options.Rfc2069SingleUse)
        {
            return AuthVerdict.Ok(credentials.User);
        }

        // An RFC 2069 digest has no nc: count it as nc=1 so the nonce serves once.
        var nc = credentials.Qop is null ? 1u : credentials.Nc;
        return _counts.TryAdvance(credentials.Nonce, issuedAtMs, nc) switch
        {
            NonceCountResult.Accepted => AuthVerdict.Ok(credentials.User),
            NonceCountResult.Forgotten => AuthVerdict.Stale(credentials.User),
            _ => AuthVerdict.Unauthorized("nonce count replayed", credentials.User),
        };
    }

    private string WriteChallenge(string realm, string nonce, DigestAlgorithm algorithm, bool stale)
    {
        var writer = new AuthHeaderWriter("Digest")
            .Quoted("realm", realm)
            .Quoted("nonce", nonce)
            .Quoted("opaque", _nonces.Opaque)
            .Token("algorithm", algorithm.ToWire())
            .Quoted("qop", "auth,auth-int");
        if (stale)
        {
            writer.Token("stale", "TRUE");
        }

        return writer.ToString();
    }
}
