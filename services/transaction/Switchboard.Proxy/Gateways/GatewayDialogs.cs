using System.Collections.Concurrent;

namespace Switchboard.Proxy.Gateways;

/// <summary>
/// Dialogs towards a gateway whose INVITE was re-sent with credentials and so a higher CSeq (RFC 3261 §22.2): the
/// caller's later requests (ACK, BYE, re-INVITE) get the same offset added, the responses it receives have it taken
/// off, so both ends keep a consistent CSeq space. Keyed by Call-ID and the caller's From tag; bounded and aged.
/// </summary>
public sealed class GatewayDialogs(TimeProvider time, int capacity = 10_000)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(12);

    private readonly ConcurrentDictionary<(string CallId, string FromTag), (int Offset, DateTimeOffset Since)> _offsets = new();

    // The Call-IDs of _offsets, looked up by the raw header bytes so that a message of another dialog is let through
    // without being parsed (the SIP path of every call once one gateway dialog is shifted).
    private readonly ConcurrentDictionary<string, int> _callIds = new(StringComparer.Ordinal);

    public int Count => _offsets.Count;

    /// <summary>
    /// Whether <paramref name="message"/> may belong to a shifted dialog: its Call-ID is one of them (a cheap line scan,
    /// no allocation). False only when it surely does not.
    /// </summary>
    public bool MayHold(ReadOnlySpan<byte> message)
    {
        if (_offsets.IsEmpty)
        {
            return false;
        }

        ReadOnlySpan<byte> callId = CallIdOf(message);
        if (callId.IsEmpty || callId.Length > 256)
        {
            return !callId.IsEmpty; // no Call-ID: no dialog; an odd long one: let the full parse decide
        }

        Span<char> chars = stackalloc char[callId.Length];
        System.Text.Encoding.Latin1.GetChars(callId, chars);
        return _callIds.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(chars);
    }

    public void SetOffset(string callId, string fromTag, int offset)
    {
        if (_offsets.Count >= capacity)
        {
            Evict();
        }

        if (_offsets.TryAdd((callId, fromTag), (offset, time.GetUtcNow())))
        {
            _callIds.AddOrUpdate(callId, 1, (_, n) => n + 1);
        }
        else
        {
            _offsets[(callId, fromTag)] = (offset, time.GetUtcNow());
        }
    }

    public int OffsetOf(string callId, string fromTag) =>
        _offsets.TryGetValue((callId, fromTag), out var entry) ? entry.Offset : 0;

    public void Forget(string callId, string fromTag) => Remove((callId, fromTag));

    private void Remove((string CallId, string FromTag) key)
    {
        if (!_offsets.TryRemove(key, out _))
        {
            return;
        }

        // Several From tags may share a Call-ID (forked dialogs); the Call-ID goes with the last of them.
        if (_callIds.AddOrUpdate(key.CallId, 0, (_, n) => n - 1) <= 0)
        {
            _callIds.TryRemove(new KeyValuePair<string, int>(key.CallId, 0));
        }
    }

    // The value of the first Call-ID (or compact "i") header line, trimmed; empty when there is none.
    private static ReadOnlySpan<byte> CallIdOf(ReadOnlySpan<byte> message)
    {
        int end = message.IndexOf("\r\n\r\n"u8);
        ReadOnlySpan<byte> head = end < 0 ? message : message[..end];
        while (head.Length > 0)
        {
            int next = head.IndexOf("\r\n"u8);
            ReadOnlySpan<byte> line = next < 0 ? head : head[..next];
            int colon = line.IndexOf((byte)':');
            if (colon > 0)
            {
                ReadOnlySpan<byte> name = line[..colon].TrimEnd((byte)' ');
                if (System.Text.Ascii.EqualsIgnoreCase(name, "Call-ID"u8) || System.Text.Ascii.EqualsIgnoreCase(name, "i"u8))
                {
                    return line[(colon + 1)..].Trim((byte)' ');
                }
            }

            head = next < 0 ? default : head[(next + 2)..];
        }

        return default;
    }

    // Old entries first (a dialog that never saw its BYE); if none is old, the oldest half goes.
    private void Evict()
    {
        DateTimeOffset limit = time.GetUtcNow() - MaxAge;
        var old = _offsets.Where(e => e.Value.Since < limit).Select(e => e.Key).ToList();
        if (old.Count == 0)
        {
            old = _offsets.OrderBy(e => e.Value.Since).Take(Math.Max(1, _offsets.Count / 2)).Select(e => e.Key).ToList();
        }

        foreach (var key in old)
        {
            Remove(key);
        }
    }
}
