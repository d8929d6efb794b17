using Microsoft.Extensions.Options;
using Switchboard.Hosting.Discovery;
using Yarp.ReverseProxy.Configuration;

namespace Switchboard.AdminGateway.Proxy;

/// <summary>
/// YARP's configuration, rebuilt from <see cref="IServiceLocator"/> (Consul, or <c>Services:&lt;name&gt;:Endpoints</c>
/// without Consul) whenever <see cref="Refresh"/> finds a different set of instances. A lookup that fails keeps
/// that backend's previous instances: a Consul hiccup must not empty the proxy.
/// </summary>
internal sealed partial class LocatorProxyConfigProvider : IProxyConfigProvider
{
    private readonly IReadOnlyDictionary<string, BackendOptions> _backends;
    private readonly IServiceLocator _locator;
    private readonly ILogger<LocatorProxyConfigProvider> _logger;
    private readonly Lock _refreshLock = new();
    private Dictionary<string, IReadOnlyList<ServiceEndpoint>> _instances = new(StringComparer.OrdinalIgnoreCase); // replaced under _refreshLock
    private volatile LocatorProxyConfig _config;

    public LocatorProxyConfigProvider(IOptions<AdminGatewayOptions> options, IServiceLocator locator, ILogger<LocatorProxyConfigProvider> logger)
    {
        _backends = new Dictionary<string, BackendOptions>(options.Value.Backends, StringComparer.OrdinalIgnoreCase);
        _locator = locator;
        _logger = logger;
        var (routes, clusters) = ProxyConfigBuilder.Build(_backends, _instances);
        _config = new LocatorProxyConfig(routes, clusters);
    }

    public IReadOnlyDictionary<string, BackendOptions> Backends => _backends;

    /// <summary>The instances the proxy currently forwards to, per backend name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ServiceEndpoint>> Instances
    {
        get
        {
            lock (_refreshLock)
            {
                return _instances;
            }
        }
    }

    public IProxyConfig GetConfig() => _config;

    /// <returns>Whether the configuration changed.</returns>
    public async Task<bool> Refresh(CancellationToken cancellationToken)
    {
        var previous = Instances;
        var next = new Dictionary<string, IReadOnlyList<ServiceEndpoint>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, backend) in _backends)
        {
            next[name] = await Resolve(name, backend, previous, cancellationToken);
        }

        if (SameInstances(previous, next))
        {
            return false;
        }

        var (routes, clusters) = ProxyConfigBuilder.Build(_backends, next);
        var replaced = _config;
        lock (_refreshLock)
        {
            _instances = next;
            _config = new LocatorProxyConfig(routes, clusters);
        }

        replaced.SignalReplaced();
        LogChanged(_logger, string.Join(", ", next.Select(kv => $"{kv.Key}={kv.Value.Count}")));
        return true;
    }

    private async Task<IReadOnlyList<ServiceEndpoint>> Resolve(string name, BackendOptions backend,
        IReadOnlyDictionary<string, IReadOnlyList<ServiceEndpoint>> previous, CancellationToken cancellationToken)
    {
        try
        {
            return await _locator.Resolve(backend.ServiceName ?? name, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogLookupFailed(_logger, name, ex);
            return previous.TryGetValue(name, out var kept) ? kept : [];
        }
    }

    private static bool SameInstances(IReadOnlyDictionary<string, IReadOnlyList<ServiceEndpoint>> a,
        IReadOnlyDictionary<string, IReadOnlyList<ServiceEndpoint>> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var other) && Addresses(kv.Value).SetEquals(Addresses(other)));

    private static HashSet<string> Addresses(IReadOnlyList<ServiceEndpoint> endpoints) =>
        endpoints.Select(e => $"{e.Id} {e.ToUri()}").ToHashSet(StringComparer.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Proxy destinations changed: {Counts}")]
    private static partial void LogChanged(ILogger logger, string counts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking up the instances of {Backend} failed; keeping the previous ones")]
    private static partial void LogLookupFailed(ILogger logger, string backend, Exception exception);
}
