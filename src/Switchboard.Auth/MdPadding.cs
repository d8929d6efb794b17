using System.Buffers.Binary;

namespace Switchboard.Auth;

/// <summary>The message padding MD4 (RFC 1320 §3.1–3.2) and MD5 (RFC 1321 §3.1–3.2) share.</summary>
internal static class MdPadding
{
    public const int BlockLength = 64;

    /// <summary>The most a tail can take: two blocks.</summary>
    public const int MaxTailLength = 2 * BlockLength;

    /// <summary>
    /// Writes the final block(s) of <paramref name="data"/>: the bytes after its last full block, 0x80, zeros to
    /// 56 mod 64, then the bit length as a 64-bit little-endian number. Returns the tail's length (64 or 128).
    /// </summary>
    public static int WriteTail(ReadOnlySpan<byte> data, Span<byte> tail)
    {
        tail[..MaxTailLength].Clear();
        var rest = data[(data.Length / BlockLength * BlockLength)..];
        rest.CopyTo(tail);
        tail[rest.Length] = 0x80;
        var tailLength = rest.Length < BlockLength - 8 ? BlockLength : MaxTailLength;
        BinaryPrimitives.WriteUInt64LittleEndian(tail[(tailLength - 8)..], (ulong)data.Length * 8);
        return tailLength;
    }
}
