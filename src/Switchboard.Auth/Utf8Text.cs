using System.Buffers;
using System.Text;

namespace Switchboard.Auth;

/// <summary>Compares received UTF-8 with a string without decoding it to a new string.</summary>
internal static class Utf8Text
{
    /// <summary>True when <paramref name="utf8"/> is exactly the UTF-8 encoding of <paramref name="text"/>.</summary>
    public static bool Matches(ReadOnlySpan<byte> utf8, string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var buffer = max <= 512 ? stackalloc byte[max] : (rented = ArrayPool<byte>.Shared.Rent(max));
        var equal = utf8.SequenceEqual(buffer[..Encoding.UTF8.GetBytes(text, buffer)]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return equal;
    }
}
