using Switchboard.Contracts.Gateway;

namespace Switchboard.Proxy.Tests.Gateways;

/// <summary>Gateways in memory; counts the reads.</summary>
internal sealed class RecordingGatewayDirectory(params GatewaySettings[] gateways) : IGatewayDirectory
{
    public int Reads { get; private set; }

    public ValueTask<GatewaySettings?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        Reads++;
        return ValueTask.FromResult(gateways.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase)));
    }

    public ValueTask<IReadOnlyList<GatewaySettings>> ListAsync(CancellationToken cancellationToken = default)
    {
        Reads++;
        return ValueTask.FromResult<IReadOnlyList<GatewaySettings>>(gateways);
    }
}
