using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Switchboard.Transaction.Keys;

namespace Switchboard.Transaction.Server;

/// <summary>
/// Completed non-INVITE server transactions over unreliable transports, reduced to what Timer J needs (RFC 3261
/// §17.2.2): the key and the final response, resent when the request is retransmitted. A REGISTER server keeps
/// hundreds of thousands of these for 32 s; as objects they would all be promoted through every GC generation, so
/// they live as records in a few large byte segments used as a ring, with an index of value types only (no object
/// per record for the collector to trace). Records expire in arrival order (Timer J is the same for all), so a
/// segment is dropped whole once its newest record has expired; when the ring is full the oldest segment goes
/// early and its records are counted as evicted.
/// </summary>
internal sealed class SettledResponses
{
    private const int HeaderSize = 4 + 8 + 8 + 4; // record length, expiry (ms), hash, key length
    private const int SegmentCount = 64;

    private readonly object _gate = new();
    private readonly int _segmentSize;
    private readonly byte[]?[] _segments = new byte[SegmentCount][];
    private readonly int[] _used = new int[SegmentCount];
    private readonly int[] _records = new int[SegmentCount];
    private readonly long[] _newestExpiry = new long[SegmentCount];
    private readonly Dictionary<long, int> _index = new();
    private readonly ulong _seed = BinaryPrimitives.ReadUInt64LittleEndian(RandomNumberGenerator.GetBytes(8));
    private int _current;
    private int _oldest;
    private int _count;
    private long _evicted;

    /// <summary>A ring of <paramref name="capacityBytes"/> (rounded to 64 segments); segments are allocated on first use.</summary>
    public SettledResponses(long capacityBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityBytes, SegmentCount * 4096L);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacityBytes, (long)int.MaxValue);
        _segmentSize = (int)(capacityBytes / SegmentCount);
    }

    /// <summary>Records held.</summary>
    public int Count
    {
        get { lock (_gate) return _count; }
    }

    /// <summary>Records dropped before their expiry because the ring was full.</summary>
    public long Evicted => Interlocked.Read(ref _evicted);

    /// <summary>Keeps <paramref name="response"/> for <paramref name="key"/> until <paramref name="expiresAtMs"/>; false when it cannot be held.</summary>
    public bool TryAdd(in TransactionKey key, ReadOnlySpan<byte> response, long expiresAtMs, long nowMs)
    {
        if (key.Kind != TransactionKeyKind.ServerBranch) return false;
        Span<byte> keyBytes = stackalloc byte[KeyBytes.MaxLength];
        int keyLength = KeyBytes.Write(key, keyBytes);
        int length = HeaderSize + keyLength + response.Length;
        if (keyLength < 0 || length > _segmentSize) return false;
        long hash = Hash(keyBytes[..keyLength]);
        lock (_gate)
        {
            DropExpired(nowMs);
            byte[] segment = SegmentWithRoom(length);
            int offset = _used[_current];
            Span<byte> record = segment.AsSpan(offset, length);
            BinaryPrimitives.WriteInt32LittleEndian(record, length);
            BinaryPrimitives.WriteInt64LittleEndian(record[4..], expiresAtMs);
            BinaryPrimitives.WriteInt64LittleEndian(record[12..], hash);
            BinaryPrimitives.WriteInt32LittleEndian(record[20..], keyLength);
            keyBytes[..keyLength].CopyTo(record[HeaderSize..]);
            response.CopyTo(record[(HeaderSize + keyLength)..]);
            _used[_current] = offset + length;
            _records[_current]++;
            _newestExpiry[_current] = expiresAtMs;
            if (!_index.TryAdd(hash, GlobalOffset(_current, offset)))
            {
                // Two live keys with one 64-bit hash: the newer wins, the older just stops absorbing retransmissions.
                _index[hash] = GlobalOffset(_current, offset);
            }
            else
            {
                _count++;
            }

            return true;
        }
    }

    /// <summary>The stored response for <paramref name="key"/> (a copy), or null when none is held or it expired.</summary>
    public byte[]? Find(in TransactionKey key, long nowMs)
    {
        if (key.Kind != TransactionKeyKind.ServerBranch) return null;
        Span<byte> keyBytes = stackalloc byte[KeyBytes.MaxLength];
        int keyLength = KeyBytes.Write(key, keyBytes);
        if (keyLength < 0) return null;
        long hash = Hash(keyBytes[..keyLength]);
        lock (_gate)
        {
            if (!_index.TryGetValue(hash, out int global)) return null;
            ReadOnlySpan<byte> record = Record(global);
            long expires = BinaryPrimitives.ReadInt64LittleEndian(record[4..]);
            int storedKeyLength = BinaryPrimitives.ReadInt32LittleEndian(record[20..]);
            if (expires <= nowMs || !record.Slice(HeaderSize, storedKeyLength).SequenceEqual(keyBytes[..keyLength])) return null;
            return record[(HeaderSize + storedKeyLength)..].ToArray();
        }
    }

    private byte[] SegmentWithRoom(int length)
    {
        if (_used[_current] + length > _segmentSize)
        {
            _current = (_current + 1) % SegmentCount;
            if (_current == _oldest && _records[_current] > 0)
            {
                Interlocked.Add(ref _evicted, _records[_current]);
                Clear(_current);
                _oldest = (_oldest + 1) % SegmentCount;
            }
            else if (_records[_current] == 0)
            {
                _used[_current] = 0;
            }
        }

        return _segments[_current] ??= GC.AllocateUninitializedArray<byte>(_segmentSize);
    }

    private void DropExpired(long nowMs)
    {
        while (_oldest != _current && _newestExpiry[_oldest] <= nowMs)
        {
            Clear(_oldest);
            _oldest = (_oldest + 1) % SegmentCount;
        }

        // Quiet traffic: everything in the one segment in use has expired, so it starts over.
        if (_oldest == _current && _records[_current] > 0 && _newestExpiry[_current] <= nowMs)
        {
            Clear(_current);
        }
    }

    // Removes the segment's records from the index (those the index still points at) and empties it.
    private void Clear(int segmentIndex)
    {
        byte[]? segment = _segments[segmentIndex];
        int offset = 0;
        while (segment is not null && offset < _used[segmentIndex])
        {
            ReadOnlySpan<byte> record = segment.AsSpan(offset);
            int length = BinaryPrimitives.ReadInt32LittleEndian(record);
            long hash = BinaryPrimitives.ReadInt64LittleEndian(record[12..]);
            if (_index.TryGetValue(hash, out int global) && global == GlobalOffset(segmentIndex, offset))
            {
                _index.Remove(hash);
                _count--;
            }

            offset += length;
        }

        _used[segmentIndex] = 0;
        _records[segmentIndex] = 0;
    }

    private ReadOnlySpan<byte> Record(int global)
    {
        int segmentIndex = global / _segmentSize;
        int offset = global % _segmentSize;
        ReadOnlySpan<byte> rest = _segments[segmentIndex].AsSpan(offset);
        return rest[..BinaryPrimitives.ReadInt32LittleEndian(rest)];
    }

    private int GlobalOffset(int segmentIndex, int offset) => segmentIndex * _segmentSize + offset;

    // FNV-1a over the key with a per-process seed: keys are compared in full on a hit, the seed keeps crafted
    // branches from piling onto one hash.
    private long Hash(ReadOnlySpan<byte> key)
    {
        ulong hash = 14695981039346656037UL ^ _seed;
        foreach (byte b in key)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return (long)(hash ^ (hash >> 29));
    }

    /// <summary>A server branch key as bytes: branch, host in lower case, port, method.</summary>
    private static class KeyBytes
    {
        public const int MaxLength = 512;

        /// <returns>The length written, or -1 when the key does not fit (such a transaction keeps its object form).</returns>
        public static int Write(in TransactionKey key, Span<byte> destination)
        {
            string branch = key.Branch, host = key.SentByHost, method = key.Method;
            if (branch.Length + host.Length + method.Length + 6 > MaxLength / 3) return -1;
            int n = Encoding.UTF8.GetBytes(branch, destination);
            destination[n++] = 0;
            int hostStart = n;
            n += Encoding.UTF8.GetBytes(host, destination[n..]);
            System.Text.Ascii.ToLowerInPlace(destination[hostStart..n], out _);
            destination[n++] = 0;
            BinaryPrimitives.WriteInt32LittleEndian(destination[n..], key.SentByPort);
            n += 4;
            n += Encoding.UTF8.GetBytes(method, destination[n..]);
            return n;
        }
    }
}
