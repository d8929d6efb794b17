using System.Security.Cryptography;

namespace Switchboard.Auth.Digest;

/// <summary>
/// CSPRNG bytes for nonces, fetched from <see cref="RandomNumberGenerator"/> a block at a time: one call for
/// 16 bytes costs about as much as one for 4 KiB (OpenSSL's per-call fork check and locking), and a 401 needs 16.
/// Every byte is handed out once and wiped from the buffer when taken.
/// </summary>
internal sealed class NonceRandom
{
    private const int BlockLength = 4096;

    private readonly Lock _lock = new();
    private readonly byte[] _block = new byte[BlockLength]; // guarded by _lock
    private int _next = BlockLength;                         // guarded by _lock; == BlockLength: block used up

    public void Fill(Span<byte> destination)
    {
        if (destination.Length > BlockLength / 4)
        {
            RandomNumberGenerator.Fill(destination);
            return;
        }

        lock (_lock)
        {
            if (BlockLength - _next < destination.Length)
            {
                RandomNumberGenerator.Fill(_block);
                _next = 0;
            }

            var taken = _block.AsSpan(_next, destination.Length);
            taken.CopyTo(destination);
            taken.Clear();
            _next += destination.Length;
        }
    }
}
