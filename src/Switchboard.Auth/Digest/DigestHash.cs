using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Auth.Digest;

/// <summary>H() and KD() of RFC 7616 §3.4.1 as lowercase hex.</summary>
internal static class DigestHash
{
    public static string Hex(DigestAlgorithm algorithm, ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[32];
        var length = Hash(algorithm, data, hash);
        return Convert.ToHexStringLower(hash[..length]);
    }

    public static string Hex(DigestAlgorithm algorithm, string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        var buffer = max <= 1024 ? stackalloc byte[max] : new byte[max];
        var length = Encoding.UTF8.GetBytes(text, buffer);
        return Hex(algorithm, buffer[..length]);
    }

    public static int Hash(DigestAlgorithm algorithm, ReadOnlySpan<byte> data, Span<byte> destination) =>
        algorithm.Base() == DigestAlgorithm.Md5
            ? Md5.HashData(data, destination)
            : SHA256.HashData(data, destination);
}
