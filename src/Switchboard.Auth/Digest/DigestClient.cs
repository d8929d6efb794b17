using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using Switchboard.Auth.Parsing;

namespace Switchboard.Auth.Digest;

/// <summary>
/// Client side of Digest for the gateway registrar and outbound trunks: answers a challenge with an
/// Authorization (or Proxy-Authorization) value. Counts nc per nonce, so reuse one instance per account.
/// Thread-safe.
/// </summary>
public sealed class DigestClient
{
    private readonly Lock _lock = new();
    private readonly string _user;
    private readonly string _password;
    private readonly Func<string> _cnonceSource;
    private string? _lastNonce; // guarded by _lock
    private uint _nc;            // guarded by _lock

    public DigestClient(string user, string password)
        : this(user, password, NewCnonce)
    {
    }

    internal DigestClient(string user, string password, Func<string> cnonceSource)
    {
        _user = user;
        _password = password;
        _cnonceSource = cnonceSource;
    }

    /// <summary>Use auth-int (hash of the body) when the server offers both auth and auth-int.</summary>
    public bool PreferAuthInt { get; init; }

    /// <summary>Of several challenges, the strongest one this client can answer: SHA-256 before MD5.</summary>
    public static string? SelectChallenge(IEnumerable<string> challengeValues)
    {
        string? best = null;
        var bestRank = -1;
        foreach (var value in challengeValues)
        {
            if (!AuthHeaderParser.TryParse(value, out var header, out _) || !header.IsScheme("Digest")
                || !DigestAlgorithmNames.TryParse(header.Get("algorithm"), out var algorithm))
            {
                continue;
            }

            var rank = algorithm.Base() == DigestAlgorithm.Sha256 ? 1 : 0;
            if (rank > bestRank)
            {
                best = value;
                bestRank = rank;
            }
        }

        return best;
    }

    public bool TryCreateAuthorization(
        string challengeValue, string method, string uri, ReadOnlySpan<byte> body, [NotNullWhen(true)] out string? authorization, out string error)
    {
        authorization = null;
        if (!AuthHeaderParser.TryParse(challengeValue, out var challenge, out error))
        {
            return false;
        }

        var realm = challenge.Get("realm");
        var nonce = challenge.Get("nonce");
        if (!challenge.IsScheme("Digest") || realm is null || nonce is null)
        {
            error = "not a Digest challenge with realm and nonce";
            return false;
        }

        if (!DigestAlgorithmNames.TryParse(challenge.Get("algorithm"), out var algorithm))
        {
            error = "unsupported algorithm";
            return false;
        }

        if (!TryChooseQop(challenge.Get("qop"), out var qop))
        {
            error = "no supported qop offered";
            return false;
        }

        authorization = Write(challenge, algorithm, realm, nonce, qop, method, uri, body);
        return true;
    }

    private string Write(AuthHeader challenge, DigestAlgorithm algorithm, string realm, string nonce, string? qop, string method, string uri, ReadOnlySpan<byte> body)
    {
        string? cnonce = null;
        string? nc = null;
        if (qop is not null || algorithm.IsSession())
        {
            cnonce = _cnonceSource();
        }

        if (qop is not null)
        {
            nc = NextNc(nonce).ToString("x8", CultureInfo.InvariantCulture);
        }

        var ha1 = DigestHa1.Compute(algorithm, _user, realm, _password);
        var response = DigestResponse.Compute(algorithm, ha1, nonce, nc, cnonce, qop, method, uri, body);
        var writer = new AuthHeaderWriter("Digest")
            .Quoted("username", _user)
            .Quoted("realm", realm)
            .Quoted("nonce", nonce)
            .Quoted("uri", uri)
            .Quoted("response", response)
            .Token("algorithm", algorithm.ToWire());
        if (cnonce is not null)
        {
            writer.Quoted("cnonce", cnonce);
        }

        if (challenge.Get("opaque") is { } opaque)
        {
            writer.Quoted("opaque", opaque);
        }

        if (qop is not null)
        {
            writer.Token("qop", qop).Token("nc", nc!);
        }

        return writer.ToString();
    }

    private bool TryChooseQop(string? offered, out string? qop)
    {
        qop = null;
        if (offered is null)
        {
            return true; // RFC 2069 form
        }

        var auth = false;
        var authInt = false;
        foreach (var part in offered.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            auth |= part.Equals("auth", StringComparison.OrdinalIgnoreCase);
            authInt |= part.Equals("auth-int", StringComparison.OrdinalIgnoreCase);
        }

        qop = authInt && (PreferAuthInt || !auth) ? "auth-int" : auth ? "auth" : null;
        return qop is not null;
    }

    private uint NextNc(string nonce)
    {
        lock (_lock)
        {
            if (!string.Equals(nonce, _lastNonce, StringComparison.Ordinal))
            {
                _lastNonce = nonce;
                _nc = 0;
            }

            return ++_nc;
        }
    }

    private static string NewCnonce() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
}
