namespace Switchboard.Hosting.Discovery;

/// <summary>Resolves a service name (e.g. "registrar") to its healthy instances.</summary>
public interface IServiceLocator
{
    /// <returns>The instances; empty when none is known or healthy.</returns>
    Task<IReadOnlyList<ServiceEndpoint>> Resolve(string serviceName, CancellationToken cancellationToken = default);
}
