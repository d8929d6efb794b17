using System.Collections.Concurrent;
using System.Globalization;
using Switchboard.Hosting.Discovery;

namespace Switchboard.Protos.Clients;

/// <summary>
/// Chooses the media-proxy instance for a Call-ID: rendezvous hashing over the healthy instances the
/// <see cref="IServiceLocator"/> reports (minus those that just failed), and a pin per call so a whole call stays on
/// one instance even when instances join. When the pinned instance is gone the call's next offer goes elsewhere.
/// Thread-safe; channels are kept per instance address until disposal.
/// </summary>
public sealed class MediaRelayPicker : IDisposable
{
    private readonly IServiceLocator _locator;
    private readonly MediaRelayPickerOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, MediaRelayInstance> _instances = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CallPin> _pins = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _downUntil = new(StringComparer.Ordinal);
    private volatile Snapshot? _snapshot;
    private long _lastPrune;

    public MediaRelayPicker(IServiceLocator locator, MediaRelayPickerOptions? options = null, TimeProvider? time = null)
    {
        _locator = locator;
        _options = options ?? new MediaRelayPickerOptions();
        _time = time ?? TimeProvider.System;
        _lastPrune = _time.GetTimestamp();
    }

    public MediaRelayPickerOptions Options => _options;

    /// <summary>
    /// The instances to try for <paramref name="callId"/>, best first: the call's pinned instance when it is still
    /// listed, then the rendezvous order. Instances marked down go last. Empty when none is known.
    /// </summary>
    public async ValueTask<IReadOnlyList<MediaRelayInstance>> Candidates(string callId, CancellationToken cancellationToken = default)
    {
        var listed = await Listed(cancellationToken).ConfigureAwait(false);
        if (listed.Count == 0)
            return [];
        var ordered = RendezvousHash.Order(callId, listed, static i => i.Id);
        var now = _time.GetUtcNow();
        var up = ordered.Where(i => !IsDown(i.Id, now));
        var down = ordered.Where(i => IsDown(i.Id, now));
        if (_pins.TryGetValue(callId, out var pin) && ordered.FirstOrDefault(i => i.Id == pin.InstanceId) is { } pinned
            && !IsDown(pinned.Id, now))
        {
            up = up.Where(i => i != pinned).Prepend(pinned);
        }

        return up.Concat(down).ToArray();
    }

    /// <summary>
    /// The instance for a request inside a running call (answer, update, delete): its pinned instance while it is
    /// listed, even when a call to it just failed (only it has the session); else the best candidate. Null when none.
    /// </summary>
    public async ValueTask<MediaRelayInstance?> ForCall(string callId, CancellationToken cancellationToken = default)
    {
        var listed = await Listed(cancellationToken).ConfigureAwait(false);
        if (_pins.TryGetValue(callId, out var pin) && listed.FirstOrDefault(i => i.Id == pin.InstanceId) is { } pinned)
            return pinned;
        var candidates = await Candidates(callId, cancellationToken).ConfigureAwait(false);
        return candidates.Count > 0 ? candidates[0] : null;
    }

    /// <summary>Pins the call to the instance that accepted it.</summary>
    public void Pin(string callId, MediaRelayInstance instance)
    {
        _pins[callId] = new CallPin(instance.Id, _time.GetTimestamp());
        PruneIfDue();
    }

    /// <summary>The instance the call is pinned to, if any.</summary>
    public string? PinnedInstance(string callId) => _pins.TryGetValue(callId, out var pin) ? pin.InstanceId : null;

    public void Forget(string callId) => _pins.TryRemove(callId, out _);

    /// <summary>A call to the instance failed at the transport: new calls skip it for a while.</summary>
    public void MarkDown(MediaRelayInstance instance) => _downUntil[instance.Id] = _time.GetUtcNow() + _options.DownDuration;

    public void Dispose()
    {
        foreach (var instance in _instances.Values)
            instance.Dispose();
        _instances.Clear();
    }

    private bool IsDown(string id, DateTimeOffset now) => _downUntil.TryGetValue(id, out var until) && until > now;

    private async ValueTask<IReadOnlyList<MediaRelayInstance>> Listed(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && _time.GetElapsedTime(snapshot.Taken) < _options.InstanceListDuration)
            return snapshot.Instances;
        try
        {
            var endpoints = await _locator.Resolve(_options.ServiceName, cancellationToken).ConfigureAwait(false);
            var instances = endpoints.Select(InstanceFor).OfType<MediaRelayInstance>().ToArray();
            _snapshot = new Snapshot(instances, _time.GetTimestamp());
            return instances;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Discovery outage: keep using the last list rather than failing every call.
            return snapshot?.Instances ?? [];
        }
    }

    // Null for an instance whose registration names no usable gRPC port: it is left out, the others stay.
    private MediaRelayInstance? InstanceFor(ServiceEndpoint endpoint)
    {
        if (GrpcAddress(endpoint) is not { } address)
            return null;
        var instance = _instances.GetOrAdd(endpoint.Id, static (id, a) => new MediaRelayInstance(id, a), address);
        if (instance.Address == address)
            return instance;
        // The id now points elsewhere (a restarted container): replace the channel. The old one is left to the GC,
        // because a call may still be using it.
        var replacement = new MediaRelayInstance(endpoint.Id, address);
        _instances[endpoint.Id] = replacement;
        return replacement;
    }

    private Uri? GrpcAddress(ServiceEndpoint endpoint)
    {
        var uri = endpoint.ToUri();
        if (!endpoint.Meta.TryGetValue(_options.GrpcPortMetaKey, out var text))
            return uri;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? new UriBuilder(uri) { Port = port }.Uri
            : null;
    }

    // Pins of calls that ended without a Delete (timeouts, lost BYEs) go after AffinityIdleTimeout; one scan a minute.
    private void PruneIfDue()
    {
        var last = Interlocked.Read(ref _lastPrune);
        if (_time.GetElapsedTime(last) < TimeSpan.FromMinutes(1)
            || Interlocked.CompareExchange(ref _lastPrune, _time.GetTimestamp(), last) != last)
        {
            return;
        }

        foreach (var (callId, pin) in _pins)
        {
            if (_time.GetElapsedTime(pin.Touched) > _options.AffinityIdleTimeout)
                _pins.TryRemove(new KeyValuePair<string, CallPin>(callId, pin));
        }
    }

    private sealed record CallPin(string InstanceId, long Touched);

    private sealed record Snapshot(IReadOnlyList<MediaRelayInstance> Instances, long Taken);
}
