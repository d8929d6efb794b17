using System.Buffers.Binary;
using System.Numerics;

namespace Switchboard.Auth.Digest;

/// <summary>
/// MD5 (RFC 1321) in managed code for the Digest hashes, whose inputs are a few dozen bytes: there the
/// OpenSSL call behind <see cref="System.Security.Cryptography.MD5.HashData(ReadOnlySpan{byte}, Span{byte})"/>
/// (context set-up, provider fetch, P/Invoke) costs several times the hashing. No data-dependent branches
/// or table lookups, so its timing does not depend on the (secret) HA1 it hashes.
/// </summary>
internal static class Md5
{
    public const int HashLength = 16;

    public static int HashData(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        uint a = 0x67452301, b = 0xefcdab89, c = 0x98badcfe, d = 0x10325476;
        var fullBlocks = data.Length / 64;
        for (var i = 0; i < fullBlocks; i++)
        {
            Block(data.Slice(i * 64, 64), ref a, ref b, ref c, ref d);
        }

        Span<byte> tail = stackalloc byte[MdPadding.MaxTailLength];
        var tailLength = MdPadding.WriteTail(data, tail);
        for (var i = 0; i < tailLength; i += 64)
        {
            Block(tail.Slice(i, 64), ref a, ref b, ref c, ref d);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(destination, a);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], b);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], c);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[12..], d);
        return HashLength;
    }

    private static void Block(ReadOnlySpan<byte> block, ref uint a0, ref uint b0, ref uint c0, ref uint d0)
    {
        Span<uint> m = stackalloc uint[16];
        for (var i = 0; i < 16; i++)
        {
            m[i] = BinaryPrimitives.ReadUInt32LittleEndian(block[(i * 4)..]);
        }

        ReadOnlySpan<uint> k = Constants;
        ReadOnlySpan<byte> shifts = Shifts;
        uint a = a0, b = b0, c = c0, d = d0;
        for (var i = 0; i < 64; i++)
        {
            uint f;
            int g;
            switch (i >> 4)
            {
                case 0:
                    f = (b & c) | (~b & d);
                    g = i;
                    break;
                case 1:
                    f = (d & b) | (~d & c);
                    g = ((5 * i) + 1) & 15;
                    break;
                case 2:
                    f = b ^ c ^ d;
                    g = ((3 * i) + 5) & 15;
                    break;
                default:
                    f = c ^ (b | ~d);
                    g = (7 * i) & 15;
                    break;
            }

            var next = b + BitOperations.RotateLeft(a + f + k[i] + m[g], shifts[i]);
            a = d;
            d = c;
            c = b;
            b = next;
        }

        a0 += a;
        b0 += b;
        c0 += c;
        d0 += d;
    }

    // Per-step left rotations (RFC 1321 §3.4).
    private static ReadOnlySpan<byte> Shifts =>
    [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
        5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
        4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
        6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ];

    // T[i] = floor(2^32 * |sin(i + 1)|) (RFC 1321 §3.4).
    private static ReadOnlySpan<uint> Constants =>
    [
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
        0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
        0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
        0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
        0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
        0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
        0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
    ];
}
