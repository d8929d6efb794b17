using System.Globalization;
using System.Text;
using Switchboard.Auth.Parsing;

namespace Switchboard.Auth.Digest;

/// <summary>
/// Reads a Digest credentials value straight from the received bytes into <see cref="DigestFields"/> slices: the
/// server's hot path, no strings but the user name. Same grammar (<see cref="AuthParamReader"/>) and the same
/// errors as <see cref="AuthHeaderParser"/> + <see cref="DigestCredentials.TryParse"/>; the rare forms it does not
/// take (escaped quoted-pairs, token68) answer <see cref="DigestReadStatus.Fallback"/> for the string parser.
/// </summary>
internal static class DigestFieldReader
{
    public static DigestReadStatus TryRead(ReadOnlySpan<byte> value, out DigestParamRanges ranges, out string error)
    {
        ranges = default;
        if (!AuthHeaderParser.TryReadScheme(value, out var scheme, out var start, out var end, out error))
        {
            return DigestReadStatus.Invalid;
        }

        if (!Ascii.EqualsIgnoreCase(value[scheme], "Digest"u8))
        {
            return DigestReadStatus.NotDigest;
        }

        if (end > start && AuthHeaderParser.IsToken68(value[start..end]))
        {
            return DigestReadStatus.Fallback;
        }

        var reader = new AuthParamReader(value, start, end);
        while (reader.TryNext(out var p))
        {
            if (p.Escapes > 0)
            {
                return DigestReadStatus.Fallback;
            }

            ranges.Take(value[p.Name], p.Value);
        }

        if (reader.Error is not null)
        {
            error = reader.Error;
            return DigestReadStatus.Invalid;
        }

        return DigestReadStatus.Read;
    }

    /// <summary>The checks of <see cref="DigestCredentials.TryParse"/>, in its order and with its messages.</summary>
    public static bool TryValidate(ReadOnlyMemory<byte> value, in DigestParamRanges r, out DigestFields fields, out string error)
    {
        fields = default;
        var span = value.Span;
        if (r.Username is not { } user || r.Realm is not { } realm || r.Nonce is not { } nonce || r.Uri is not { } uri
            || r.Response is not { } response)
        {
            error = "missing username, realm, nonce, uri or response";
            return false;
        }

        if (!DigestAlgorithmNames.TryParse(r.Algorithm is { } a ? span[a] : default, r.Algorithm is not null, out var algorithm))
        {
            error = "unknown algorithm";
            return false;
        }

        // Counted in characters, as the string parser counts (UTF-8 bytes are never fewer).
        if (span[response].Length > DigestCredentials.MaxResponseLength
            && Encoding.UTF8.GetCharCount(span[response]) > DigestCredentials.MaxResponseLength)
        {
            error = "response too long";
            return false;
        }

        uint nc = 0;
        if (r.Qop is not null
            && (r.Cnonce is null || r.Nc is not { } ncRange || span[ncRange].Length != 8
                || !uint.TryParse(span[ncRange], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out nc) || nc == 0))
        {
            // RFC 7616 §3.4: with qop, cnonce and an 8-hex-digit nc are required.
            error = "qop without valid cnonce and nc";
            return false;
        }

        fields = new DigestFields(
            Encoding.UTF8.GetString(span[user]),
            value[realm],
            value[nonce],
            value[uri],
            value[response],
            algorithm,
            r.Qop is { } qop ? DigestFields.QopOf(span[qop]) : DigestQop.None,
            r.Cnonce is { } cnonce ? value[cnonce] : default,
            r.Nc is { } ncText ? value[ncText] : default,
            nc,
            r.Opaque is not null,
            r.Opaque is { } opaque ? value[opaque] : default);
        error = "";
        return true;
    }
}

/// <summary>What <see cref="DigestFieldReader.TryRead"/> found.</summary>
internal enum DigestReadStatus
{
    /// <summary>Another scheme: parse it the general way.</summary>
    NotDigest,

    /// <summary>A form the fast path leaves to the string parser.</summary>
    Fallback,

    /// <summary>Malformed; the error says why.</summary>
    Invalid,

    Read,
}

/// <summary>Where the first occurrence of each Digest parameter lies in the value (names compare case-insensitively).</summary>
internal struct DigestParamRanges
{
    public Range? Username;
    public Range? Realm;
    public Range? Nonce;
    public Range? Uri;
    public Range? Response;
    public Range? Algorithm;
    public Range? Qop;
    public Range? Nc;
    public Range? Cnonce;
    public Range? Opaque;

    /// <summary>Keeps <paramref name="value"/> if <paramref name="name"/> is a Digest parameter not seen before.</summary>
    public void Take(ReadOnlySpan<byte> name, Range value)
    {
        if (Ascii.EqualsIgnoreCase(name, "username"u8))
        {
            Username ??= value;
        }
        else if (Ascii.EqualsIgnoreCase(name, "realm"u8))
        {
            Realm ??= value;
        }
        else if (Ascii.EqualsIgnoreCase(name, "nonce"u8))
        {
            Nonce ??= value;
        }
        else if (Ascii.EqualsIgnoreCase(name, "uri"u8))
        {
            Uri ??= value;
        }
        else if (Ascii.EqualsIgnoreCase(name, "response"u8))
        {
            Response ??= value;
        }
        else if (Ascii.EqualsIgnoreCase(name, "algorithm"u8))
        {
            Algorithm ??= value;
        }
        else if (Ascii.EqualsIgnoreCase(name, "qop"u8))
        {
            Qop ??= value;
        }
        else if (Ascii.EqualsIgnoreCase(name, "nc"u8))
        {
            Nc ??= value;
        }
        else if (Ascii.EqualsIgnoreCase(name, "cnonce"u8))
        {
            Cnonce ??= value;
        }
        else if (Ascii.EqualsIgnoreCase(name, "opaque"u8))
        {
            Opaque ??= value;
        }
    }
}
