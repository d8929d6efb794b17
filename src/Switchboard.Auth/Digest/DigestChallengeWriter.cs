using System.Buffers;

namespace Switchboard.Auth.Digest;

/// <summary>
/// Writes <c>Digest realm="…", nonce="…", opaque="…", algorithm=…, qop="auth,auth-int"[, stale=TRUE]</c> straight
/// into one string of its exact size: a 401 costs one string per offered algorithm and nothing else.
/// </summary>
internal static class DigestChallengeWriter
{
    private const string Qop = "auth,auth-int";

    public static string Write(string realm, ReadOnlySpan<char> nonce, string opaque, DigestAlgorithm algorithm, bool stale)
    {
        var algorithmName = algorithm.ToWire();
        var max = 96 + (2 * realm.Length) + nonce.Length + (2 * opaque.Length) + algorithmName.Length;
        char[]? rented = null;
        var buffer = max <= 1024 ? stackalloc char[max] : (rented = ArrayPool<char>.Shared.Rent(max));
        var pos = 0;
        Append(buffer, ref pos, "Digest realm=\"");
        AppendEscaped(buffer, ref pos, realm);
        Append(buffer, ref pos, "\", nonce=\"");
        AppendEscaped(buffer, ref pos, nonce);
        Append(buffer, ref pos, "\", opaque=\"");
        AppendEscaped(buffer, ref pos, opaque);
        Append(buffer, ref pos, "\", algorithm=");
        Append(buffer, ref pos, algorithmName);
        Append(buffer, ref pos, ", qop=\"" + Qop + "\"");
        if (stale)
        {
            Append(buffer, ref pos, ", stale=TRUE");
        }

        var text = new string(buffer[..pos]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return text;
    }

    private static void Append(Span<char> buffer, ref int pos, ReadOnlySpan<char> text)
    {
        text.CopyTo(buffer[pos..]);
        pos += text.Length;
    }

    // quoted-string: '"' and '\' travel as quoted-pairs (RFC 3261 §25.1).
    private static void AppendEscaped(Span<char> buffer, ref int pos, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                buffer[pos++] = '\\';
            }

            buffer[pos++] = c;
        }
    }
}
