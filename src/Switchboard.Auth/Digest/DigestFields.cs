using System.Text;

namespace Switchboard.Auth.Digest;

/// <summary>
/// The fields of a Digest answer as unescaped UTF-8 bytes: what the server check reads. The fast path slices them
/// out of the received header (no copy); <see cref="From(DigestCredentials)"/> encodes a parsed record.
/// </summary>
internal readonly record struct DigestFields(
    string User,
    ReadOnlyMemory<byte> Realm,
    ReadOnlyMemory<byte> Nonce,
    ReadOnlyMemory<byte> Uri,
    ReadOnlyMemory<byte> Response,
    DigestAlgorithm Algorithm,
    DigestQop Qop,
    ReadOnlyMemory<byte> Cnonce,
    ReadOnlyMemory<byte> NonceCount,
    uint Nc,
    bool HasOpaque,
    ReadOnlyMemory<byte> Opaque)
{
    public static DigestFields From(DigestCredentials c) => new(
        c.User,
        Encoding.UTF8.GetBytes(c.Realm),
        Encoding.UTF8.GetBytes(c.Nonce),
        Encoding.UTF8.GetBytes(c.Uri),
        Encoding.UTF8.GetBytes(c.Response),
        c.Algorithm,
        QopOf(c.Qop is null ? null : Encoding.UTF8.GetBytes(c.Qop)),
        c.Cnonce is null ? default : Encoding.UTF8.GetBytes(c.Cnonce),
        c.NonceCount is null ? default : Encoding.UTF8.GetBytes(c.NonceCount),
        c.Nc,
        c.Opaque is not null,
        c.Opaque is null ? default : Encoding.UTF8.GetBytes(c.Opaque));

    /// <summary>qop values compare case-insensitively; null means the parameter was absent.</summary>
    public static DigestQop QopOf(ReadOnlySpan<byte> qop, bool present = true) =>
        !present ? DigestQop.None
        : Ascii.EqualsIgnoreCase(qop, "auth"u8) ? DigestQop.Auth
        : Ascii.EqualsIgnoreCase(qop, "auth-int"u8) ? DigestQop.AuthInt
        : DigestQop.Unsupported;

    private static DigestQop QopOf(byte[]? qop) => QopOf(qop, qop is not null);
}
