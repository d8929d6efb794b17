using System.Buffers.Binary;
using System.Numerics;

namespace Switchboard.Auth.Ntlm;

/// <summary>
/// MD4 (RFC 1320), needed only for the NT hash of NTLM; .NET does not ship it. Not for any other use:
/// MD4 is broken as a general hash.
/// </summary>
public static class Md4
{
    public const int HashLength = 16;

    public static byte[] HashData(ReadOnlySpan<byte> data)
    {
        var result = new byte[HashLength];
        HashData(data, result);
        return result;
    }

    public static void HashData(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        uint a = 0x67452301, b = 0xefcdab89, c = 0x98badcfe, d = 0x10325476;
        Span<uint> x = stackalloc uint[16];
        var fullBlocks = data.Length / 64;
        for (var i = 0; i < fullBlocks; i++)
        {
            Block(data.Slice(i * 64, 64), x, ref a, ref b, ref c, ref d);
        }

        Span<byte> tail = stackalloc byte[MdPadding.MaxTailLength];
        var tailLength = MdPadding.WriteTail(data, tail);
        for (var i = 0; i < tailLength; i += 64)
        {
            Block(tail.Slice(i, 64), x, ref a, ref b, ref c, ref d);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(destination, a);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], b);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], c);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[12..], d);
    }

    private static void Block(ReadOnlySpan<byte> block, Span<uint> x, ref uint a, ref uint b, ref uint c, ref uint d)
    {
        for (var i = 0; i < 16; i++)
        {
            x[i] = BinaryPrimitives.ReadUInt32LittleEndian(block[(i * 4)..]);
        }

        uint aa = a, bb = b, cc = c, dd = d;

        // Round 1: F(x,y,z) = xy | ~x z, shifts 3 7 11 19.
        for (var i = 0; i < 16; i += 4)
        {
            a = BitOperations.RotateLeft(a + F(b, c, d) + x[i], 3);
            d = BitOperations.RotateLeft(d + F(a, b, c) + x[i + 1], 7);
            c = BitOperations.RotateLeft(c + F(d, a, b) + x[i + 2], 11);
            b = BitOperations.RotateLeft(b + F(c, d, a) + x[i + 3], 19);
        }

        // Round 2: G(x,y,z) = xy | xz | yz, + 0x5A827999, words by column, shifts 3 5 9 13.
        for (var i = 0; i < 4; i++)
        {
            a = BitOperations.RotateLeft(a + G(b, c, d) + x[i] + 0x5A827999, 3);
            d = BitOperations.RotateLeft(d + G(a, b, c) + x[i + 4] + 0x5A827999, 5);
            c = BitOperations.RotateLeft(c + G(d, a, b) + x[i + 8] + 0x5A827999, 9);
            b = BitOperations.RotateLeft(b + G(c, d, a) + x[i + 12] + 0x5A827999, 13);
        }

        // Round 3: H(x,y,z) = x ^ y ^ z, + 0x6ED9EBA1, words in bit-reversed order, shifts 3 9 11 15.
        ReadOnlySpan<int> order = [0, 2, 1, 3];
        foreach (var i in order)
        {
            a = BitOperations.RotateLeft(a + (b ^ c ^ d) + x[i] + 0x6ED9EBA1, 3);
            d = BitOperations.RotateLeft(d + (a ^ b ^ c) + x[i + 8] + 0x6ED9EBA1, 9);
            c = BitOperations.RotateLeft(c + (d ^ a ^ b) + x[i + 4] + 0x6ED9EBA1, 11);
            b = BitOperations.RotateLeft(b + (c ^ d ^ a) + x[i + 12] + 0x6ED9EBA1, 15);
        }

        a += aa;
        b += bb;
        c += cc;
        d += dd;
    }

    private static uint F(uint x, uint y, uint z) => (x & y) | (~x & z);

    private static uint G(uint x, uint y, uint z) => (x & y) | (x & z) | (y & z);
}
