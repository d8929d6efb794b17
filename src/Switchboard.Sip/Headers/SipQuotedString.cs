using System.Text;

namespace Switchboard.Sip.Headers;

/// <summary>Quoted-string helpers (RFC 3261 §25.1): unescaping happens only on demand.</summary>
public static class SipQuotedString
{
    /// <summary>Copies the content of <paramref name="value"/> without quotes and quoted-pair backslashes; a value
    /// without quotes is copied as is. Returns the bytes written, or -1 when <paramref name="destination"/> is too small.</summary>
    public static int Unquote(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        if (value.Length < 2 || value[0] != (byte)'"' || value[^1] != (byte)'"')
        {
            return value.TryCopyTo(destination) ? value.Length : -1;
        }

        var written = 0;
        for (var i = 1; i < value.Length - 1; i++)
        {
            var b = value[i];
            if (b == (byte)'\\' && i + 1 < value.Length - 1)
            {
                b = value[++i];
            }

            if (written == destination.Length)
            {
                return -1;
            }

            destination[written++] = b;
        }

        return written;
    }

    /// <summary>Unquoted value as a UTF-8 string (allocates; for logs and the auth layer).</summary>
    public static string GetUnquotedString(ReadOnlySpan<byte> value)
    {
        var buffer = value.Length <= 256 ? stackalloc byte[value.Length] : new byte[value.Length];
        var n = Unquote(value, buffer);
        return Encoding.UTF8.GetString(buffer[..n]);
    }
}
