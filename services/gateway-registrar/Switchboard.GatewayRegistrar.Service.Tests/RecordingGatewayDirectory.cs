using Switchboard.Contracts.Gateway;

namespace Switchboard.GatewayRegistrar.Service.Tests;

/// <summary>An <see cref="IGatewayDirectory"/> that serves <see cref="Gateways"/> (or throws <see cref="Failure"/>) and counts the lists asked for.</summary>
internal sealed class RecordingGatewayDirectory : IGatewayDirectory
{
    private int _lists;

    public IReadOnlyList<GatewaySettings> Gateways { get; set; } = [];

    public Exception? Failure { get; set; }

    public int Lists => Volatile.Read(ref _lists);

    public ValueTask<GatewaySettings?> FindAsync(string name, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Gateways.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase)));

    public ValueTask<IReadOnlyList<GatewaySettings>> ListAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _lists);
        return Failure is { } failure ? ValueTask.FromException<IReadOnlyList<GatewaySettings>>(failure) : ValueTask.FromResult(Gateways);
    }
}
