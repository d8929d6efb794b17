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

    public int Count => _offsets.Count;

    public void SetOffset(string callId, string fromTag, int offset)
    {
        if (_offsets.Count >= capacity)
        {
            Evict();
        }

        _offsets[(callId, fromTag)] = (offset, time.GetUtcNow());
    }

    public int OffsetOf(string callId, string fromTag) =>
        _offsets.TryGetValue((callId, fromTag), out var entry) ? entry.Offset : 0;

    public void Forget(string callId, string fromTag) => _offsets.TryRemove((callId, fromTag), out _);

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
            _offsets.TryRemove(key, out _);
        }
    }
}
