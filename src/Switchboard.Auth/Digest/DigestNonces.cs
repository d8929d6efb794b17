using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Auth.Digest;

/// <summary>
/// Stateless nonces: base64url(timestamp ‖ random ‖ HMAC-SHA256(secret, timestamp ‖ random ‖ realm)).
/// Only this server can make one (HMAC), its age is read back from it, and it is bound to its realm.
/// Replay is stopped separately by <see cref="NonceCountTable"/>.
/// </summary>
public sealed class DigestNonces
{
    private const int TimestampLength = 8;
    private const int RandomLength = 16;
    private const int MacLength = 32;
    private const int RawLength = TimestampLength + RandomLength + MacLength;

    private readonly HmacSha256Pool _mac;
    private readonly NonceRandom _random = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    public DigestNonces(byte[]? secret, TimeSpan lifetime, TimeProvider time)
    {
        var key = secret is { Length: > 0 } ? (byte[])secret.Clone() : RandomNumberGenerator.GetBytes(32);
        _mac = new HmacSha256Pool(key);
        _lifetime = lifetime;
        _time = time;
        // Derived from the secret so every instance sharing the secret hands out the same opaque.
        Span<byte> mac = stackalloc byte[MacLength];
        HMACSHA256.HashData(key, "switchboard-digest-opaque"u8, mac);
        Opaque = Base64Url.EncodeToString(mac[..18]);
        OpaqueUtf8 = Encoding.ASCII.GetBytes(Opaque);
    }

    /// <summary>The opaque value sent in challenges; clients echo it unchanged.</summary>
    public string Opaque { get; }

    internal byte[] OpaqueUtf8 { get; }

    public TimeSpan Lifetime => _lifetime;

    public long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Length of every nonce this class makes (base64url of 56 bytes).</summary>
    public static int NonceLength => Base64Url.GetEncodedLength(RawLength);

    public string Create(string realm)
    {
        Span<char> nonce = stackalloc char[NonceLength];
        Create(realm, nonce);
        return new string(nonce);
    }

    /// <summary>Writes a new nonce (exactly <see cref="NonceLength"/> characters) to <paramref name="destination"/>.</summary>
    public void Create(string realm, Span<char> destination)
    {
        Span<byte> raw = stackalloc byte[RawLength];
        BinaryPrimitives.WriteInt64BigEndian(raw, _time.GetUtcNow().ToUnixTimeMilliseconds());
        _random.Fill(raw.Slice(TimestampLength, RandomLength));
        ComputeMac(raw[..(TimestampLength + RandomLength)], realm, raw[(TimestampLength + RandomLength)..]);
        Base64Url.EncodeToChars(raw, destination);
    }

    /// <summary>Checks origin (constant-time HMAC compare), realm binding and age.</summary>
    public NonceStatus Check(string nonce, string realm, out long issuedAtMs)
    {
        issuedAtMs = 0;
        Span<byte> raw = stackalloc byte[RawLength];
        // The OperationStatus overload: TryDecodeFromChars throws on characters outside the alphabet.
        return nonce.Length == NonceLength
            && Base64Url.DecodeFromChars(nonce, raw, out _, out var written) == OperationStatus.Done && written == RawLength
            ? CheckRaw(raw, realm, out issuedAtMs)
            : NonceStatus.Invalid;
    }

    /// <summary>The same for a nonce as received (UTF-8 bytes).</summary>
    public NonceStatus Check(ReadOnlySpan<byte> nonce, string realm, out long issuedAtMs)
    {
        issuedAtMs = 0;
        Span<byte> raw = stackalloc byte[RawLength];
        return nonce.Length == NonceLength
            && Base64Url.DecodeFromUtf8(nonce, raw, out _, out var written) == OperationStatus.Done && written == RawLength
            ? CheckRaw(raw, realm, out issuedAtMs)
            : NonceStatus.Invalid;
    }

    private NonceStatus CheckRaw(ReadOnlySpan<byte> raw, string realm, out long issuedAtMs)
    {
        issuedAtMs = 0;
        Span<byte> expected = stackalloc byte[MacLength];
        ComputeMac(raw[..(TimestampLength + RandomLength)], realm, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, raw[(TimestampLength + RandomLength)..]))
        {
            return NonceStatus.Invalid;
        }

        issuedAtMs = BinaryPrimitives.ReadInt64BigEndian(raw);
        var age = _time.GetUtcNow().ToUnixTimeMilliseconds() - issuedAtMs;
        // A nonce from the future means a clock step back; treat it like an expired one.
        return age < 0 || age > (long)_lifetime.TotalMilliseconds ? NonceStatus.Stale : NonceStatus.Valid;
    }

    private void ComputeMac(ReadOnlySpan<byte> prefix, string realm, Span<byte> destination)
    {
        var max = Encoding.UTF8.GetMaxByteCount(realm.Length);
        byte[]? rented = null;
        var realmUtf8 = max <= 1024 ? stackalloc byte[max] : (rented = ArrayPool<byte>.Shared.Rent(max));
        var length = Encoding.UTF8.GetBytes(realm, realmUtf8);
        _mac.Compute(prefix, realmUtf8[..length], destination);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
