using Switchboard.Hosting.Discovery;

namespace Switchboard.MediaProxy.Service.Tests;

/// <summary>A service locator whose instance list the test sets; records every lookup.</summary>
internal sealed class RecordingServiceLocator : IServiceLocator
{
    private volatile IReadOnlyList<ServiceEndpoint> _endpoints = [];

    public List<string> Lookups { get; } = [];

    /// <summary>When set, lookups fail with it (a discovery outage).</summary>
    public Exception? Failure { get; set; }

    public void Set(params MediaProxyTestHost[] hosts) =>
        _endpoints = hosts.Select(h => new ServiceEndpoint(h.InstanceId, "127.0.0.1", h.GrpcPort,
            new Dictionary<string, string>())).ToArray();

    public void SetEndpoints(params ServiceEndpoint[] endpoints) => _endpoints = endpoints;

    public Task<IReadOnlyList<ServiceEndpoint>> Resolve(string serviceName, CancellationToken cancellationToken = default)
    {
        lock (Lookups)
            Lookups.Add(serviceName);
        if (Failure is not null)
            return Task.FromException<IReadOnlyList<ServiceEndpoint>>(Failure);
        return Task.FromResult(_endpoints);
    }
}
