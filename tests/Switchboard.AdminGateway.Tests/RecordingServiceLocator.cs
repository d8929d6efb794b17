using System.Collections.Concurrent;
using Switchboard.Hosting.Discovery;

namespace Switchboard.AdminGateway.Tests;

/// <summary>A locator whose answers the test sets (as Consul's would change) and which records the names asked.</summary>
internal sealed class RecordingServiceLocator : IServiceLocator
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<ServiceEndpoint>> _instances = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<string> _asked = new();

    public IReadOnlyList<string> Asked => _asked.ToArray();

    public bool Fail { get; set; }

    public void Set(string service, params Uri[] addresses) =>
        _instances[service] = addresses.Select(a => new ServiceEndpoint($"{service}-{a.Port}", a.Host, a.Port,
            new Dictionary<string, string>())).ToArray();

    public Task<IReadOnlyList<ServiceEndpoint>> Resolve(string serviceName, CancellationToken cancellationToken = default)
    {
        _asked.Enqueue(serviceName);
        if (Fail)
        {
            throw new HttpRequestException("consul is down (test)");
        }

        return Task.FromResult(_instances.TryGetValue(serviceName, out var found) ? found : (IReadOnlyList<ServiceEndpoint>)[]);
    }
}
