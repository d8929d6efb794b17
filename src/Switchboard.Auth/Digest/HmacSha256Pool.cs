using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Switchboard.Auth.Digest;

/// <summary>
/// HMAC-SHA256 under one key with reused <see cref="IncrementalHash"/> instances: the one-shot
/// <see cref="HMACSHA256.HashData(byte[], byte[])"/> sets up a new OpenSSL MAC (algorithm fetch, key schedule)
/// on every call, which costs more than the hashing itself for a nonce-sized input.
/// </summary>
internal sealed class HmacSha256Pool
{
    public const int MacLength = 32;

    private readonly byte[] _key;
    private readonly ConcurrentBag<IncrementalHash> _idle = []; // instances not in use; one per concurrent caller at most

    public HmacSha256Pool(byte[] key)
    {
        _key = key;
    }

    public void Compute(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, Span<byte> destination)
    {
        if (!_idle.TryTake(out var hmac))
        {
            hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        }

        try
        {
            hmac.AppendData(first);
            hmac.AppendData(second);
            hmac.GetHashAndReset(destination);
        }
        catch
        {
            // State unknown after a failure: do not hand it out again.
            hmac.Dispose();
            throw;
        }

        _idle.Add(hmac);
    }
}
