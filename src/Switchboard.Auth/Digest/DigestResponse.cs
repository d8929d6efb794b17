using System.Buffers;
using System.Text;

namespace Switchboard.Auth.Digest;

/// <summary>
/// The request-digest of RFC 7616 §3.4.1, shared by the server check and the client. Built in one
/// scratch buffer as UTF-8 so the server path allocates no intermediate strings.
/// </summary>
public static class DigestResponse
{
    private const int MaxHexLength = 64;

    /// <param name="ha1">Raw H(user:realm:password) for the base algorithm.</param>
    /// <param name="qop">"auth", "auth-int" or null for the RFC 2069 form.</param>
    public static string Compute(
        DigestAlgorithm algorithm, ReadOnlySpan<byte> ha1, string nonce, string? nc, string? cnonce, string? qop, string method, string uri, ReadOnlySpan<byte> body)
    {
        Span<byte> digest = stackalloc byte[32];
        var length = ComputeRaw(algorithm, ha1, nonce, nc, cnonce, qop, method, uri, body, digest);
        return Convert.ToHexStringLower(digest[..length]);
    }

    /// <summary>Writes the raw request-digest (not hex) to <paramref name="destination"/> and returns its length.</summary>
    internal static int ComputeRaw(
        DigestAlgorithm algorithm, ReadOnlySpan<byte> ha1, string nonce, string? nc, string? cnonce, string? qop, string method, string uri, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        var max = Utf8Max(nonce) + Utf8Max(nc) + Utf8Max(cnonce) + Utf8Max(qop) + Utf8Max(method) + Utf8Max(uri);
        byte[]? rented = null;
        var text = max <= 1024 ? stackalloc byte[max] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var pos = 0;
            var n = Put(text, ref pos, nonce);
            var c = Put(text, ref pos, nc);
            var cn = Put(text, ref pos, cnonce);
            var q = Put(text, ref pos, qop);
            var m = Put(text, ref pos, method);
            var u = Put(text, ref pos, uri);
            return ComputeRaw(algorithm, ha1, text[n], text[c], text[cn], text[q], qop is not null, text[m], text[u], body, destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The same over UTF-8 inputs; <paramref name="hasQop"/> false is the RFC 2069 form (nc, cnonce, qop unused).</summary>
    internal static int ComputeRaw(
        DigestAlgorithm algorithm, ReadOnlySpan<byte> ha1, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> nc, ReadOnlySpan<byte> cnonce,
        ReadOnlySpan<byte> qop, bool hasQop, ReadOnlySpan<byte> method, ReadOnlySpan<byte> uri, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        var max = (3 * MaxHexLength) + 16 + nonce.Length + nc.Length + cnonce.Length + qop.Length + method.Length + uri.Length;
        byte[]? rented = null;
        var scratch = max <= 1024 ? stackalloc byte[max] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            Span<byte> hash = stackalloc byte[32];
            Span<byte> ha1Hex = stackalloc byte[MaxHexLength];
            var hexLength = WriteHex(ha1, ha1Hex);
            if (algorithm.IsSession())
            {
                // HA1-sess = H(HA1 ":" nonce ":" cnonce)  (RFC 7616 §3.4.2)
                var n = Join(scratch, ha1Hex[..hexLength], nonce);
                cnonce.CopyTo(scratch[n..]);
                n += cnonce.Length;
                hexLength = WriteHex(hash[..DigestHash.Hash(algorithm, scratch[..n], hash)], ha1Hex);
            }

            Span<byte> ha2Hex = stackalloc byte[MaxHexLength];
            var pos = Append(scratch, 0, method);
            scratch[pos++] = (byte)':';
            pos = Append(scratch, pos, uri);
            if (hasQop && Ascii.EqualsIgnoreCase(qop, "auth-int"u8))
            {
                scratch[pos++] = (byte)':';
                pos += WriteHex(hash[..DigestHash.Hash(algorithm, body, hash)], scratch[pos..]);
            }

            WriteHex(hash[..DigestHash.Hash(algorithm, scratch[..pos], hash)], ha2Hex);

            pos = Join(scratch, ha1Hex[..hexLength], nonce);
            if (hasQop)
            {
                pos = Append(scratch, pos, nc);
                scratch[pos++] = (byte)':';
                pos = Append(scratch, pos, cnonce);
                scratch[pos++] = (byte)':';
                pos = Append(scratch, pos, qop);
                scratch[pos++] = (byte)':';
            }

            ha2Hex[..hexLength].CopyTo(scratch[pos..]);
            return DigestHash.Hash(algorithm, scratch[..(pos + hexLength)], destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    // Writes hex ":" a ":"
    private static int Join(Span<byte> scratch, ReadOnlySpan<byte> hex, ReadOnlySpan<byte> a)
    {
        hex.CopyTo(scratch);
        var pos = hex.Length;
        scratch[pos++] = (byte)':';
        pos = Append(scratch, pos, a);
        scratch[pos++] = (byte)':';
        return pos;
    }

    private static int Append(Span<byte> scratch, int pos, ReadOnlySpan<byte> text)
    {
        text.CopyTo(scratch[pos..]);
        return pos + text.Length;
    }

    private static Range Put(Span<byte> text, ref int pos, string? value)
    {
        var start = pos;
        if (value is not null)
        {
            pos += Encoding.UTF8.GetBytes(value, text[pos..]);
        }

        return new Range(start, pos);
    }

    private static int Utf8Max(string? text) => text is null ? 0 : Encoding.UTF8.GetMaxByteCount(text.Length);

    private static int WriteHex(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = (byte)"0123456789abcdef"[bytes[i] >> 4];
            destination[(2 * i) + 1] = (byte)"0123456789abcdef"[bytes[i] & 0xF];
        }

        return 2 * bytes.Length;
    }
}
