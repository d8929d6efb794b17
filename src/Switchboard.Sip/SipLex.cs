using System.Buffers;

namespace Switchboard.Sip;

/// <summary>Byte-level lexical helpers shared by the parser and the typed header readers (RFC 3261 §25.1).</summary>
internal static class SipLex
{
    public const byte Cr = (byte)'\r';

    /// <summary>Token characters, for vectorised scans.</summary>
    public static readonly SearchValues<byte> TokenChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~"u8);

    /// <summary>Bytes that matter when splitting a list header at commas.</summary>
    public static readonly SearchValues<byte> ListSpecials = SearchValues.Create(",\"<>"u8);
    public const byte Lf = (byte)'\n';

    public static bool IsWsp(byte b) => b == (byte)' ' || b == (byte)'\t';

    public static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    public static bool IsAlpha(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    /// <summary>RFC 3261 token: alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~".</summary>
    public static bool IsToken(byte b) => IsAlpha(b) || IsDigit(b) || b switch
    {
        (byte)'-' or (byte)'.' or (byte)'!' or (byte)'%' or (byte)'*' or (byte)'_' or (byte)'+' or (byte)'`'
            or (byte)'\'' or (byte)'~' => true,
        _ => false,
    };

    /// <summary>Skips LWS: SP/HT and a CRLF that continues the field (followed by SP/HT).</summary>
    public static int SkipLws(ReadOnlySpan<byte> s, int i, int end)
    {
        while (i < end)
        {
            var b = s[i];
            if (IsWsp(b))
            {
                i++;
            }
            else if (b == Cr && i + 2 < end && s[i + 1] == Lf && IsWsp(s[i + 2]))
            {
                i += 3;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>Moves <paramref name="end"/> back over trailing SP/HT/CR/LF.</summary>
    public static int TrimEnd(ReadOnlySpan<byte> s, int start, int end)
    {
        while (end > start && (IsWsp(s[end - 1]) || s[end - 1] == Cr || s[end - 1] == Lf))
        {
            end--;
        }

        return end;
    }

    public static int SkipToken(ReadOnlySpan<byte> s, int i, int end)
    {
        var length = s[i..end].IndexOfAnyExcept(TokenChars);
        return length < 0 ? end : i + length;
    }

    /// <summary>Returns the index just past the closing quote of the quoted-string starting at <paramref name="i"/>, or -1.</summary>
    public static int SkipQuoted(ReadOnlySpan<byte> s, int i, int end)
    {
        i++;
        while (i < end)
        {
            var b = s[i];
            if (b == (byte)'"')
            {
                return i + 1;
            }

            i += b == (byte)'\\' ? 2 : 1;
        }

        return -1;
    }

    /// <summary>Parses 1*DIGIT (leading zeros allowed) that must fit in 32 bits unsigned.</summary>
    public static bool TryParseUInt32(ReadOnlySpan<byte> digits, out uint value)
    {
        value = 0;
        if (digits.IsEmpty)
        {
            return false;
        }

        ulong acc = 0;
        foreach (var b in digits)
        {
            if (!IsDigit(b))
            {
                return false;
            }

            acc = acc * 10 + (uint)(b - '0');
            if (acc > uint.MaxValue)
            {
                return false;
            }
        }

        value = (uint)acc;
        return true;
    }

    /// <summary>True when <paramref name="uri"/> starts with a URI scheme (ALPHA *(ALPHA / DIGIT / + / - / .)) and ':'.</summary>
    public static bool TryGetScheme(ReadOnlySpan<byte> uri, out ReadOnlySpan<byte> scheme)
    {
        scheme = default;
        if (uri.IsEmpty || !IsAlpha(uri[0]))
        {
            return false;
        }

        for (var i = 1; i < uri.Length; i++)
        {
            var b = uri[i];
            if (b == (byte)':')
            {
                scheme = uri[..i];
                return true;
            }

            if (!IsAlpha(b) && !IsDigit(b) && b != (byte)'+' && b != (byte)'-' && b != (byte)'.')
            {
                return false;
            }
        }

        return false;
    }
}
