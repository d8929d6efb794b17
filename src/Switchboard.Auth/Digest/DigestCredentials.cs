using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Switchboard.Auth.Parsing;

namespace Switchboard.Auth.Digest;

/// <summary>The fields of a Digest Authorization / Proxy-Authorization value (RFC 3261 §25.1, RFC 7616 §3.4).</summary>
public sealed record DigestCredentials(
    string User,
    string Realm,
    string Nonce,
    string Uri,
    string Response,
    DigestAlgorithm Algorithm,
    string? Qop,
    string? Cnonce,
    string? NonceCount,
    uint Nc,
    string? Opaque)
{
    public const int MaxResponseLength = 64;

    public static bool TryParse(AuthHeader header, [NotNullWhen(true)] out DigestCredentials? credentials, out string error)
    {
        credentials = null;
        if (!header.IsScheme("Digest"))
        {
            error = "not a Digest value";
            return false;
        }

        var user = header.Get("username");
        var realm = header.Get("realm");
        var nonce = header.Get("nonce");
        var uri = header.Get("uri");
        var response = header.Get("response");
        if (user is null || realm is null || nonce is null || uri is null || response is null)
        {
            error = "missing username, realm, nonce, uri or response";
            return false;
        }

        if (!DigestAlgorithmNames.TryParse(header.Get("algorithm"), out var algorithm))
        {
            error = "unknown algorithm";
            return false;
        }

        if (response.Length > MaxResponseLength)
        {
            error = "response too long";
            return false;
        }

        var qop = header.Get("qop");
        var cnonce = header.Get("cnonce");
        var ncText = header.Get("nc");
        uint nc = 0;
        if (qop is not null)
        {
            // RFC 7616 §3.4: with qop, cnonce and an 8-hex-digit nc are required.
            if (cnonce is null || ncText is not { Length: 8 }
                || !uint.TryParse(ncText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out nc) || nc == 0)
            {
                error = "qop without valid cnonce and nc";
                return false;
            }
        }

        credentials = new DigestCredentials(user, realm, nonce, uri, response, algorithm, qop, cnonce, ncText, nc, header.Get("opaque"));
        error = "";
        return true;
    }
}
