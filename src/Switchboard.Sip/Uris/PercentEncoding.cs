using System.Buffers;
using System.Text;

namespace Switchboard.Sip.Uris;

/// <summary>%HEXHEX escapes of URI components: decoding, escape-aware comparison and escaping for output.</summary>
public static class PercentEncoding
{
    /// <summary>Decodes a component already validated by the parser; bytes are read as UTF-8 (%00 stays a NUL).</summary>
    public static string Decode(ReadOnlySpan<byte> escaped)
    {
        if (escaped.IndexOf((byte)'%') < 0)
        {
            return Encoding.UTF8.GetString(escaped);
        }

        byte[]? rented = null;
        Span<byte> buffer = escaped.Length <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(escaped.Length));
        try
        {
            int length = DecodeTo(escaped, buffer);
            return Encoding.UTF8.GetString(buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes the unescaped bytes to <paramref name="destination"/> (at least as long as the input).</summary>
    public static int DecodeTo(ReadOnlySpan<byte> escaped, Span<byte> destination)
    {
        int written = 0;
        for (int i = 0; i < escaped.Length; written++)
        {
            destination[written] = Next(escaped, ref i);
        }

        return written;
    }

    /// <summary>Compares two escaped components byte by byte after unescaping, without allocating.</summary>
    public static bool EqualsDecoded(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, bool ignoreCase)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            byte x = Next(a, ref i), y = Next(b, ref j);
            if (x != y && !(ignoreCase && AsciiLower(x) == AsciiLower(y)))
            {
                return false;
            }
        }

        return i == a.Length && j == b.Length;
    }

    /// <summary>Adds the unescaped bytes (lower-cased when <paramref name="ignoreCase"/>) to a hash.</summary>
    public static void AddToHash(ref HashCode hash, ReadOnlySpan<byte> escaped, bool ignoreCase)
    {
        for (int i = 0; i < escaped.Length;)
        {
            byte b = Next(escaped, ref i);
            hash.Add(ignoreCase ? AsciiLower(b) : b);
        }
    }

    /// <summary>Writes <paramref name="value"/> as UTF-8, escaping every byte outside <paramref name="allowed"/>.</summary>
    internal static void Write(IBufferWriter<byte> writer, string value, UriCharClass allowed)
    {
        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        Span<byte> utf8 = max <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            WriteBytes(writer, utf8[..Encoding.UTF8.GetBytes(value, utf8)], allowed);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Re-escapes an escaped component minimally: unescapes it, then escapes only what the grammar needs.</summary>
    internal static void Rewrite(IBufferWriter<byte> writer, ReadOnlySpan<byte> escaped, UriCharClass allowed)
    {
        byte[]? rented = null;
        Span<byte> raw = escaped.Length <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(escaped.Length));
        try
        {
            WriteBytes(writer, raw[..DecodeTo(escaped, raw)], allowed);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static void WriteBytes(IBufferWriter<byte> writer, ReadOnlySpan<byte> raw, UriCharClass allowed)
    {
        Span<byte> output = writer.GetSpan(raw.Length * 3);
        int written = 0;
        foreach (byte b in raw)
        {
            if (UriCharacters.Is(b, allowed))
            {
                output[written++] = b;
            }
            else
            {
                output[written++] = (byte)'%';
                output[written++] = HexDigit(b >> 4);
                output[written++] = HexDigit(b & 0xF);
            }
        }

        writer.Advance(written);
    }

    private static byte Next(ReadOnlySpan<byte> escaped, ref int i)
    {
        byte b = escaped[i];
        if (b == '%' && i + 2 < escaped.Length && UriCharacters.IsHex(escaped[i + 1]) && UriCharacters.IsHex(escaped[i + 2]))
        {
            i += 3;
            return (byte)((UriCharacters.HexValue(escaped[i - 2]) << 4) | UriCharacters.HexValue(escaped[i - 1]));
        }

        i++;
        return b;
    }

    private static byte AsciiLower(byte b) => (uint)(b - 'A') <= 'Z' - 'A' ? (byte)(b | 0x20) : b;

    private static byte HexDigit(int value) => (byte)(value < 10 ? '0' + value : 'A' + value - 10);
}
