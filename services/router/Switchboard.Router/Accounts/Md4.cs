using System.Buffers.Binary;
using System.Numerics;

namespace Switchboard.Router.Accounts;

/// <summary>
/// MD4 (RFC 1320), which .NET does not ship. Used only for the optional NT hash
/// (MD4 of the UTF-16LE password) that NTLM needs; never for anything security-relevant on its own.
/// </summary>
internal static class Md4
{
    private static ReadOnlySpan<byte> Round3Order => [0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15];

    private static ReadOnlySpan<int> Shifts1 => [3, 7, 11, 19];

    private static ReadOnlySpan<int> Shifts2 => [3, 5, 9, 13];

    private static ReadOnlySpan<int> Shifts3 => [3, 9, 11, 15];

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var padded = new byte[((data.Length + 8) / 64 + 1) * 64];
        data.CopyTo(padded);
        padded[data.Length] = 0x80;
        BinaryPrimitives.WriteUInt64LittleEndian(padded.AsSpan(padded.Length - 8), (ulong)data.Length * 8);
        Span<uint> state = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
        Span<uint> x = stackalloc uint[16];
        for (var block = 0; block < padded.Length; block += 64)
        {
            for (var i = 0; i < 16; i++)
                x[i] = BinaryPrimitives.ReadUInt32LittleEndian(padded.AsSpan(block + i * 4));
            Compress(state, x);
        }
        var hash = new byte[16];
        for (var i = 0; i < 4; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(hash.AsSpan(i * 4), state[i]);
        return hash;
    }

    private static void Compress(Span<uint> state, ReadOnlySpan<uint> x)
    {
        uint a = state[0], b = state[1], c = state[2], d = state[3];
        // Each step updates "a" and rotates the names, so the next step updates the previous "d".
        for (var i = 0; i < 16; i++)
        {
            var t = BitOperations.RotateLeft(a + ((b & c) | (~b & d)) + x[i], Shifts1[i % 4]);
            (a, b, c, d) = (d, t, b, c);
        }
        for (var i = 0; i < 16; i++)
        {
            var t = BitOperations.RotateLeft(a + ((b & c) | (b & d) | (c & d)) + x[(i % 4) * 4 + i / 4] + 0x5A827999, Shifts2[i % 4]);
            (a, b, c, d) = (d, t, b, c);
        }
        for (var i = 0; i < 16; i++)
        {
            var t = BitOperations.RotateLeft(a + (b ^ c ^ d) + x[Round3Order[i]] + 0x6ED9EBA1, Shifts3[i % 4]);
            (a, b, c, d) = (d, t, b, c);
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
    }
}
