using System.Net;

namespace Switchboard.Proxy.Tests.Gateways;

/// <summary>Host names to addresses in memory (unknown names fail like DNS would); records the names asked for.</summary>
internal sealed class RecordingHostResolver
{
    public Dictionary<string, IPAddress[]> Hosts { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Asked { get; } = [];

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        Asked.Add(host);
        return Hosts.TryGetValue(host, out IPAddress[]? addresses)
            ? Task.FromResult(addresses)
            : Task.FromException<IPAddress[]>(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound));
    }
}
