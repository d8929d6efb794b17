using Switchboard.Hosting.Discovery;
using Yarp.ReverseProxy.Configuration;

namespace Switchboard.AdminGateway.Proxy;

/// <summary>
/// Turns the configured backends and their current instances into YARP routes and clusters: per backend
/// <c>/api/&lt;name&gt;/{**rest}</c> → its admin API and <c>/metrics/&lt;name&gt;</c> → its /metrics, one cluster
/// whose destinations are the instances (round-robin).
/// </summary>
internal static class ProxyConfigBuilder
{
    public static (IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters) Build(
        IReadOnlyDictionary<string, BackendOptions> backends,
        IReadOnlyDictionary<string, IReadOnlyList<ServiceEndpoint>> instances)
    {
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        foreach (var (name, backend) in backends.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            var apiPath = (backend.BackendApiPath ?? $"/api/{name}").TrimEnd('/');
            routes.Add(new RouteConfig
            {
                RouteId = $"api-{name}",
                ClusterId = name,
                Match = new RouteMatch { Path = $"/api/{name}/{{**rest}}" },
                Transforms = [new Dictionary<string, string> { ["PathPattern"] = $"{apiPath}/{{**rest}}" }],
            });
            routes.Add(new RouteConfig
            {
                RouteId = $"metrics-{name}",
                ClusterId = name,
                Match = new RouteMatch { Path = $"/metrics/{name}" },
                Transforms = [new Dictionary<string, string> { ["PathSet"] = backend.MetricsPath }],
            });
            var endpoints = instances.TryGetValue(name, out var found) ? found : [];
            clusters.Add(new ClusterConfig
            {
                ClusterId = name,
                LoadBalancingPolicy = "RoundRobin",
                Destinations = endpoints.ToDictionary(
                    e => e.Id, e => new DestinationConfig { Address = e.ToUri().ToString() }, StringComparer.Ordinal),
            });
        }

        return (routes, clusters);
    }
}
