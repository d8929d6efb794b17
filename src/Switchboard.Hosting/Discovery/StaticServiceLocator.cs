using Microsoft.Extensions.Configuration;

namespace Switchboard.Hosting.Discovery;

/// <summary>
/// Endpoints from configuration, for runs without Consul: <c>Services:registrar:Endpoints:0=http://127.0.0.1:5101</c>.
/// Read on every call, so a reloaded configuration applies.
/// </summary>
internal sealed class StaticServiceLocator(IConfiguration configuration) : IServiceLocator
{
    public Task<IReadOnlyList<ServiceEndpoint>> Resolve(string serviceName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        var key = $"Services:{serviceName}:Endpoints";
        IReadOnlyList<ServiceEndpoint> endpoints = configuration.GetSection(key).GetChildren()
            .Select(child => ToEndpoint(key, child.Value))
            .ToArray();
        return Task.FromResult(endpoints);
    }

    private static ServiceEndpoint ToEndpoint(string key, string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Port <= 0 || string.IsNullOrEmpty(uri.Host))
        {
            throw new InvalidOperationException($"{key}: '{url}' is not an absolute URL with a host and port");
        }

        return new ServiceEndpoint(uri.ToString(), uri.Host, uri.Port, new Dictionary<string, string> { ["scheme"] = uri.Scheme });
    }
}
