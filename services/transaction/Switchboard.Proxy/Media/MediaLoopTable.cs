using System.Collections.Concurrent;
using System.Net;
using Switchboard.Contracts.Media;

namespace Switchboard.Proxy.Media;

/// <summary>
/// Media-loop detection (the manual: a call from the LAN proxied to the WAN and back to the same LAN): every offer
/// this proxy had relayed leaves the relay's advertised endpoints here, mapped to the offerer's own endpoints. An
/// offer that arrives pointing at one of them has been round the loop; it can be unwrapped to the original
/// endpoints. Entries go when their call ends. Thread-safe.
/// </summary>
internal sealed class MediaLoopTable
{
    private readonly ConcurrentDictionary<MediaEndpoint, LoopTarget> _byRelay = new();

    public int Count => _byRelay.Count;

    public bool IsEmpty => _byRelay.IsEmpty;

    /// <summary>Remembers the relay endpoints of <paramref name="relayed"/> (the offer as sent) against <paramref name="original"/>.</summary>
    public RelayedOffer Register(string callId, MediaNetwork offererNetwork, ReadOnlySpan<byte> original, ReadOnlySpan<byte> relayed)
    {
        var before = SdpEndpoints.Read(original);
        var after = SdpEndpoints.Read(relayed);
        var offer = new RelayedOffer(callId, offererNetwork);
        for (int i = 0; i < Math.Min(before.Media.Count, after.Media.Count); i++)
        {
            if (after.AddressOf(i) is not { } relayAddress || before.AddressOf(i) is not { } address
                || after.Media[i].Port == 0 || before.Media[i].Port == 0)
            {
                continue; // rejected or held streams are not relayed
            }

            var key = new MediaEndpoint(Plain(relayAddress), after.Media[i].Port);
            _byRelay[key] = new LoopTarget(offer, new OriginalMedia(address, before.Media[i].Port, before.Media[i].RtcpPort));
            offer.Keys.Add(key);
        }

        return offer;
    }

    public void Remove(RelayedOffer offer)
    {
        foreach (MediaEndpoint key in offer.Keys)
        {
            // Only our own entry: a later call may have been given the same relay port since.
            if (_byRelay.TryGetValue(key, out LoopTarget? target) && target.Offer == offer)
            {
                _byRelay.TryRemove(new KeyValuePair<MediaEndpoint, LoopTarget>(key, target));
            }
        }
    }

    /// <summary>The m= lines of <paramref name="sdp"/> that point at a relay endpoint we advertised; null when none.</summary>
    public LoopMatch? Match(SdpEndpoints sdp)
    {
        if (_byRelay.IsEmpty)
        {
            return null;
        }

        Dictionary<int, OriginalMedia>? originals = null;
        RelayedOffer? offer = null;
        for (int i = 0; i < sdp.Media.Count; i++)
        {
            if (sdp.AddressOf(i) is { } address && _byRelay.TryGetValue(new MediaEndpoint(Plain(address), sdp.Media[i].Port), out LoopTarget? target))
            {
                (originals ??= [])[i] = target.Original;
                offer ??= target.Offer;
            }
        }

        return offer is null ? null : new LoopMatch(offer, originals!);
    }

    private static IPAddress Plain(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private sealed record LoopTarget(RelayedOffer Offer, OriginalMedia Original);
}

internal readonly record struct MediaEndpoint(IPAddress Address, int Port);

/// <summary>An offerer's own endpoint of one stream: where its media really go.</summary>
internal sealed record OriginalMedia(IPAddress Address, int Port, int RtcpPort);

/// <summary>An offer that came back pointing at our relay: which call it was, and each looped stream's original endpoint.</summary>
internal sealed record LoopMatch(RelayedOffer Offer, IReadOnlyDictionary<int, OriginalMedia> Originals);

/// <summary>A relayed offer in the loop table; <see cref="Unwrapped"/> once the loop was found, so its relay can go.</summary>
internal sealed class RelayedOffer(string callId, MediaNetwork offererNetwork)
{
    private int _unwrapped;

    public string CallId { get; } = callId;

    public MediaNetwork OffererNetwork { get; } = offererNetwork;

    /// <summary>Written once, before the offer is published in the table.</summary>
    public List<MediaEndpoint> Keys { get; } = [];

    public bool Unwrapped => Volatile.Read(ref _unwrapped) != 0;

    public void MarkUnwrapped() => Volatile.Write(ref _unwrapped, 1);
}
