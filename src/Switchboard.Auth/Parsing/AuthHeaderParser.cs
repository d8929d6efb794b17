using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Switchboard.Auth.Parsing;

/// <summary>
/// Parses the value of an Authorization, Proxy-Authorization, WWW-Authenticate or Proxy-Authenticate
/// header (RFC 3261 §25.1 / RFC 7235 §2.1). Bounded: oversized values, too many parameters and
/// malformed quoting are rejected with an error text instead of throwing.
/// </summary>
public static class AuthHeaderParser
{
    public const int MaxValueLength = 8192;
    public const int MaxParameters = 32;

    public static bool TryParse(string value, [NotNullWhen(true)] out AuthHeader? header, out string error)
    {
        if (value.Length > MaxValueLength)
        {
            header = null;
            error = "header value too long";
            return false;
        }

        return TryParse(Encoding.UTF8.GetBytes(value), out header, out error);
    }

    public static bool TryParse(ReadOnlySpan<byte> value, [NotNullWhen(true)] out AuthHeader? header, out string error)
    {
        header = null;
        if (!TryReadScheme(value, out var scheme, out var paramsStart, out var paramsEnd, out error))
        {
            return false;
        }

        var schemeText = Encoding.ASCII.GetString(value[scheme]);
        var rest = value[paramsStart..paramsEnd];
        if (rest.Length > 0 && IsToken68(rest))
        {
            header = new AuthHeader(schemeText, [], Encoding.ASCII.GetString(rest));
            return true;
        }

        var list = new List<AuthParam>(8);
        var reader = new AuthParamReader(value, paramsStart, paramsEnd);
        while (reader.TryNext(out var p))
        {
            list.Add(new AuthParam(KnownAuthNames.Name(value[p.Name]), ValueText(value, p), p.Quoted));
        }

        if (reader.Error is not null)
        {
            error = reader.Error;
            return false;
        }

        header = new AuthHeader(schemeText, [.. list], null);
        return true;
    }

    /// <summary>
    /// The scheme token and where the rest of the value lies (leading white space skipped, trailing trimmed).
    /// False with an error for an oversized value, a missing scheme or a scheme not followed by white space.
    /// </summary>
    internal static bool TryReadScheme(ReadOnlySpan<byte> value, out Range scheme, out int restStart, out int restEnd, out string error)
    {
        scheme = default;
        restStart = restEnd = 0;
        if (value.Length > MaxValueLength)
        {
            error = "header value too long";
            return false;
        }

        var pos = SkipSpace(value, 0);
        var schemeStart = pos;
        while (pos < value.Length && IsTokenChar(value[pos]))
        {
            pos++;
        }

        if (pos == schemeStart)
        {
            error = "missing scheme";
            return false;
        }

        if (pos < value.Length && !IsSpace(value[pos]))
        {
            error = "invalid character after scheme";
            return false;
        }

        scheme = new Range(schemeStart, pos);
        restStart = SkipSpace(value, pos);
        restEnd = restStart + value[restStart..].TrimEnd(" \t\r\n"u8).Length;
        error = "";
        return true;
    }

    // token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="  (RFC 7235 §2.1)
    internal static bool IsToken68(ReadOnlySpan<byte> s)
    {
        var i = 0;
        while (i < s.Length && (char.IsAsciiLetterOrDigit((char)s[i]) || s[i] is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~' or (byte)'+' or (byte)'/'))
        {
            i++;
        }

        if (i == 0)
        {
            return false;
        }

        while (i < s.Length && s[i] == (byte)'=')
        {
            i++;
        }

        return i == s.Length;
    }

    // RFC 3261 token: alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~"
    internal static bool IsTokenChar(byte b) =>
        char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'!' or (byte)'%' or (byte)'*'
            or (byte)'_' or (byte)'+' or (byte)'`' or (byte)'\'' or (byte)'~';

    internal static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    internal static int SkipSpace(ReadOnlySpan<byte> s, int pos)
    {
        while (pos < s.Length && IsSpace(s[pos]))
        {
            pos++;
        }

        return pos;
    }

    private static string ValueText(ReadOnlySpan<byte> value, AuthParamRange p)
    {
        var raw = value[p.Value];
        if (!p.Quoted)
        {
            return KnownAuthNames.Token(raw);
        }

        return p.Escapes == 0 ? Encoding.UTF8.GetString(raw) : Unescape(raw, p.Escapes);
    }

    private static string Unescape(ReadOnlySpan<byte> quoted, int escapes)
    {
        var length = quoted.Length - escapes;
        Span<byte> buffer = length <= 512 ? stackalloc byte[length] : new byte[length];
        var written = 0;
        for (var i = 0; i < quoted.Length; i++)
        {
            if (quoted[i] == (byte)'\\')
            {
                i++;
            }

            buffer[written++] = quoted[i];
        }

        return Encoding.UTF8.GetString(buffer[..written]);
    }
}
