namespace Switchboard.Hosting.Discovery;

/// <summary>Asks Consul for passing instances on every call; callers keep the channels they build.</summary>
internal sealed class ConsulServiceLocator(ConsulClient consul) : IServiceLocator
{
    public Task<IReadOnlyList<ServiceEndpoint>> Resolve(string serviceName, CancellationToken cancellationToken = default) =>
        consul.GetHealthy(serviceName, cancellationToken);
}
