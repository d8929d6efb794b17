using System.Buffers;
using System.Security.Cryptography;
using System.Text;
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

        Span<char> nonce = stackalloc char[DigestNonces.NonceLength];
        _nonces.Create(realm, nonce);
        var result = new string[_options.DigestAlgorithms.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = DigestChallengeWriter.Write(realm, nonce, _nonces.Opaque, _options.DigestAlgorithms[i], stale);
        }

        return result;
    }

    /// <summary>Whether challenges offer <paramref name="algorithm"/> (Digest advertised and the algorithm configured).</summary>
    public bool Offers(DigestAlgorithm algorithm) => _options.AdvertiseDigest && _options.DigestAlgorithms.Contains(algorithm);

    public string CreateChallenge(string realm, DigestAlgorithm algorithm, bool stale = false)
    {
        Span<char> nonce = stackalloc char[DigestNonces.NonceLength];
        _nonces.Create(realm, nonce);
        return DigestChallengeWriter.Write(realm, nonce, _nonces.Opaque, algorithm, stale);
    }

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

    public ValueTask<AuthVerdict> VerifyAsync(
        DigestCredentials credentials, string method, string? requestUri, ReadOnlyMemory<byte> body, string realm, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (!string.Equals(credentials.Realm, realm, StringComparison.Ordinal))
        {
            return ValueTask.FromResult(AuthVerdict.NoCredentials());
        }

        return VerifyAsync(DigestFields.From(credentials), method, requestUri, body, realm, cancellationToken);
    }

    /// <summary>The check itself, over UTF-8 fields whose realm the caller has matched to <paramref name="realm"/>.</summary>
    internal async ValueTask<AuthVerdict> VerifyAsync(
        DigestFields credentials, string method, string? requestUri, ReadOnlyMemory<byte> body, string realm, CancellationToken cancellationToken)
    {
        var early = Precheck(credentials, requestUri, realm, out var nonceStatus, out var issuedAtMs);
        if (early is not null)
        {
            return early.Value;
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

    private AuthVerdict? Precheck(in DigestFields credentials, string? requestUri, string realm, out NonceStatus nonceStatus, out long issuedAtMs)
    {
        nonceStatus = NonceStatus.Invalid;
        issuedAtMs = 0;
        if (!_options.DigestAlgorithms.Contains(credentials.Algorithm))
        {
            return AuthVerdict.Unauthorized("algorithm not accepted", credentials.User);
        }

        if (credentials.Qop == DigestQop.None && !_options.AllowRfc2069)
        {
            return AuthVerdict.Unauthorized("RFC 2069 digest (no qop) not accepted", credentials.User);
        }

        if (credentials.Qop == DigestQop.Unsupported)
        {
            return AuthVerdict.Unauthorized("unsupported qop", credentials.User);
        }

        if (credentials.HasOpaque && !credentials.Opaque.Span.SequenceEqual(_nonces.OpaqueUtf8))
        {
            return AuthVerdict.Unauthorized("opaque mismatch", credentials.User);
        }

        if (requestUri is not null && !Utf8Text.Matches(credentials.Uri.Span, requestUri))
        {
            return AuthVerdict.Unauthorized("digest uri differs from the request-URI", credentials.User);
        }

        nonceStatus = _nonces.Check(credentials.Nonce.Span, realm, out issuedAtMs);
        return nonceStatus == NonceStatus.Invalid ? AuthVerdict.Unauthorized("nonce not issued by this server", credentials.User) : null;
    }

    private static bool ResponseMatches(in DigestFields c, byte[] ha1, string method, ReadOnlySpan<byte> body)
    {
        Span<byte> methodUtf8 = stackalloc byte[64];
        if (!Encoding.UTF8.TryGetBytes(method, methodUtf8, out var methodLength))
        {
            methodUtf8 = Encoding.UTF8.GetBytes(method);
            methodLength = methodUtf8.Length;
        }

        Span<byte> expected = stackalloc byte[32];
        var qop = c.Qop == DigestQop.AuthInt ? "auth-int"u8 : "auth"u8;
        var length = DigestResponse.ComputeRaw(
            c.Algorithm, ha1, c.Nonce.Span, c.NonceCount.Span, c.Cnonce.Span, qop, c.Qop != DigestQop.None, methodUtf8[..methodLength], c.Uri.Span, body, expected);

        // Hex compares case-insensitively once decoded; the length is not secret, the bytes are compared in constant time.
        Span<byte> given = stackalloc byte[DigestCredentials.MaxResponseLength / 2];
        return c.Response.Length == 2 * length
            && HexDecoder.TryDecode(c.Response.Span, given[..length])
            && CryptographicOperations.FixedTimeEquals(expected[..length], given[..length]);
    }

    private AuthVerdict CheckReplay(in DigestFields credentials, long issuedAtMs)
    {
        _counts.PurgeIssuedBefore(_nonces.NowMs - (long)_nonces.Lifetime.TotalMilliseconds);
        if (credentials.Qop == DigestQop.None && !_options.Rfc2069SingleUse)
        {
            return AuthVerdict.Ok(credentials.User);
        }

        // An RFC 2069 digest has no nc: count it as nc=1 so the nonce serves once.
        var nc = credentials.Qop == DigestQop.None ? 1u : credentials.Nc;
        return _counts.TryAdvance(credentials.Nonce.Span, issuedAtMs, nc) switch
        {
            NonceCountResult.Accepted => AuthVerdict.Ok(credentials.User),
            NonceCountResult.Forgotten => AuthVerdict.Stale(credentials.User),
            _ => AuthVerdict.Unauthorized("nonce count replayed", credentials.User),
        };
    }
}
