using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Switchboard.Router.Changes;
using Switchboard.Router.Routing;

namespace Switchboard.Router.Resolution;

/// <summary>
/// Caches resolutions until the next <see cref="RoutingChanged"/>, so changes apply without a restart.
/// A generation counter keeps a result computed before a change from being cached after it. Given an
/// <see cref="IOptionsMonitor{TOptions}"/>, a change of the resolver options empties the cache too (results depend on them).
/// </summary>
public sealed class CachingAddressResolver : IAddressResolver, IDisposable
{
    private readonly IAddressResolver _inner;
    private readonly IRoutingChanges _changes;
    private readonly IDisposable? _onOptionsChange;
    private int _maxEntries;
    private readonly ConcurrentDictionary<(string Address, RouterTraffic Traffic), AddressResolution> _cache = new();
    private long _generation;

    public CachingAddressResolver(IAddressResolver inner, IRoutingChanges changes, IOptions<ResolverOptions> options)
    {
        _inner = inner;
        _changes = changes;
        _maxEntries = Math.Max(1, options.Value.MaxCacheEntries);
        _changes.Changed += OnChanged;
    }

    public CachingAddressResolver(IAddressResolver inner, IRoutingChanges changes, IOptionsMonitor<ResolverOptions> options)
        : this(inner, changes, Options.Create(options.CurrentValue))
    {
        _onOptionsChange = options.OnChange(changed =>
        {
            Volatile.Write(ref _maxEntries, Math.Max(1, changed.MaxCacheEntries));
            Invalidate();
        });
    }

    public int Count => _cache.Count;

    public AddressResolution Resolve(string address, RouterTraffic traffic = RouterTraffic.RealTime)
    {
        var key = (address, traffic);
        if (_cache.TryGetValue(key, out var cached))
            return cached;
        var generation = Interlocked.Read(ref _generation);
        var result = _inner.Resolve(address, traffic);
        if (_cache.Count >= Volatile.Read(ref _maxEntries))
            _cache.Clear();
        _cache[key] = result;
        // A change raced with this lookup: drop what may be stale.
        if (Interlocked.Read(ref _generation) != generation)
            _cache.TryRemove(key, out _);
        return result;
    }

    public void Dispose()
    {
        _changes.Changed -= OnChanged;
        _onOptionsChange?.Dispose();
    }

    private void OnChanged(RoutingChanged change) => Invalidate();

    private void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _cache.Clear();
    }
}
