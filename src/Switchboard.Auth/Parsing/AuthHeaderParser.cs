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

        var scheme = Encoding.ASCII.GetString(value[schemeStart..pos]);
        if (pos < value.Length && !IsSpace(value[pos]))
        {
            error = "invalid character after scheme";
            return false;
        }

        var rest = value[SkipSpace(value, pos)..].TrimEnd(" \t\r\n"u8);
        if (rest.Length > 0 && IsToken68(rest))
        {
            header = new AuthHeader(scheme, [], Encoding.ASCII.GetString(rest));
            error = "";
            return true;
        }

        if (!TryParseParameters(rest, out var parameters, out error))
        {
            return false;
        }

        header = new AuthHeader(scheme, parameters, null);
        return true;
    }

    private static bool TryParseParameters(ReadOnlySpan<byte> s, out AuthParam[] parameters, out string error)
    {
        var list = new List<AuthParam>(8);
        parameters = [];
        var pos = 0;
        while (true)
        {
            pos = SkipSpaceAndCommas(s, pos);
            if (pos >= s.Length)
            {
                break;
            }

            if (list.Count == MaxParameters)
            {
                error = "too many parameters";
                return false;
            }

            var nameStart = pos;
            while (pos < s.Length && IsTokenChar(s[pos]))
            {
                pos++;
            }

            if (pos == nameStart)
            {
                error = "invalid parameter name";
                return false;
            }

            var name = KnownAuthNames.Name(s[nameStart..pos]);
            pos = SkipSpace(s, pos);
            if (pos >= s.Length || s[pos] != (byte)'=')
            {
                error = $"parameter '{name}' has no value";
                return false;
            }

            pos = SkipSpace(s, pos + 1);
            if (!TryReadValue(s, ref pos, out var value, out var quoted, out error))
            {
                return false;
            }

            list.Add(new AuthParam(name, value, quoted));
            pos = SkipSpace(s, pos);
            if (pos < s.Length && s[pos] != (byte)',')
            {
                error = $"expected ',' after parameter '{name}'";
                return false;
            }
        }

        parameters = [.. list];
        error = "";
        return true;
    }

    private static bool TryReadValue(ReadOnlySpan<byte> s, ref int pos, out string value, out bool quoted, out string error)
    {
        value = "";
        error = "";
        quoted = pos < s.Length && s[pos] == (byte)'"';
        if (!quoted)
        {
            var start = pos;
            while (pos < s.Length && IsTokenChar(s[pos]))
            {
                pos++;
            }

            if (pos == start)
            {
                error = "empty or invalid parameter value";
                return false;
            }

            value = KnownAuthNames.Token(s[start..pos]);
            return true;
        }

        return TryReadQuoted(s, ref pos, out value, out error);
    }

    private static bool TryReadQuoted(ReadOnlySpan<byte> s, ref int pos, out string value, out string error)
    {
        value = "";
        var start = ++pos; // after the opening quote
        var escapes = 0;
        while (pos < s.Length && s[pos] != (byte)'"')
        {
            if (s[pos] is (byte)'\r' or (byte)'\n' or 0)
            {
                error = "control character in quoted string";
                return false;
            }

            if (s[pos] == (byte)'\\')
            {
                // quoted-pair: backslash followed by any char except CR/LF (RFC 3261 §25.1).
                if (pos + 1 >= s.Length || s[pos + 1] is (byte)'\r' or (byte)'\n' or 0)
                {
                    error = "invalid escape in quoted string";
                    return false;
                }

                escapes++;
                pos++;
            }

            pos++;
        }

        if (pos >= s.Length)
        {
            error = "unterminated quoted string";
            return false;
        }

        value = escapes == 0 ? Encoding.UTF8.GetString(s[start..pos]) : Unescape(s[start..pos], escapes);
        pos++; // closing quote
        error = "";
        return true;
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

    // token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="  (RFC 7235 §2.1)
    private static bool IsToken68(ReadOnlySpan<byte> s)
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

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static int SkipSpace(ReadOnlySpan<byte> s, int pos)
    {
        while (pos < s.Length && IsSpace(s[pos]))
        {
            pos++;
        }

        return pos;
    }

    private static int SkipSpaceAndCommas(ReadOnlySpan<byte> s, int pos)
    {
        while (pos < s.Length && (IsSpace(s[pos]) || s[pos] == (byte)','))
        {
            pos++;
        }

        return pos;
    }
}
