using System.Collections.Concurrent;

namespace Switchboard.Proxy.Media;

/// <summary>
/// The relayed calls by Call-ID, for the in-dialog requests that update or end them (re-INVITE, UPDATE, ACK, BYE).
/// Calls that never saw their BYE are dropped after <see cref="ProxyMediaOptions.CallLifetime"/> (the relay times
/// their media out on its own). Thread-safe.
/// </summary>
internal sealed class MediaDialogs(TimeProvider time, TimeSpan lifetime)
{
    private readonly ConcurrentDictionary<string, MediaDialog> _byCallId = new(StringComparer.Ordinal);
    private long _lastPrune = time.GetTimestamp();

    public int Count => _byCallId.Count;

    public long Now => time.GetTimestamp();

    /// <summary>False when the Call-ID already has a relayed dialog (a spiral): one relay per call.</summary>
    public bool TryAdd(MediaDialog dialog) => _byCallId.TryAdd(dialog.CallId, dialog);

    public MediaDialog? Find(string callId) => _byCallId.GetValueOrDefault(callId);

    public bool Contains(string callId) => _byCallId.ContainsKey(callId);

    public bool Remove(MediaDialog dialog) => _byCallId.TryRemove(new KeyValuePair<string, MediaDialog>(dialog.CallId, dialog));

    /// <summary>Calls older than the lifetime, removed; at most one scan a minute (empty otherwise).</summary>
    public List<MediaDialog> TakeExpiredIfDue()
    {
        long last = Interlocked.Read(ref _lastPrune);
        if (time.GetElapsedTime(last) < TimeSpan.FromMinutes(1) || Interlocked.CompareExchange(ref _lastPrune, time.GetTimestamp(), last) != last)
        {
            return [];
        }

        var expired = new List<MediaDialog>();
        foreach (MediaDialog dialog in _byCallId.Values)
        {
            if (time.GetElapsedTime(dialog.Created) > lifetime && Remove(dialog))
            {
                expired.Add(dialog);
            }
        }

        return expired;
    }
}
