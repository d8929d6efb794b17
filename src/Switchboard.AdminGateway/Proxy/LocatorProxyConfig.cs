using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;

namespace Switchboard.AdminGateway.Proxy;

/// <summary>One snapshot of routes and clusters; its token fires when a newer snapshot replaces it.</summary>
internal sealed class LocatorProxyConfig(IReadOnlyList<RouteConfig> routes, IReadOnlyList<ClusterConfig> clusters) : IProxyConfig
{
    private readonly CancellationTokenSource _replaced = new();

    public IReadOnlyList<RouteConfig> Routes { get; } = routes;

    public IReadOnlyList<ClusterConfig> Clusters { get; } = clusters;

    public IChangeToken ChangeToken => new CancellationChangeToken(_replaced.Token);

    public void SignalReplaced() => _replaced.Cancel();
}
