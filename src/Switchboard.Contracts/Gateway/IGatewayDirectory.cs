namespace Switchboard.Contracts.Gateway;

/// <summary>
/// Gateway names to settings, for the router and the proxy: where a call routed to <c>user@gateway:name</c> goes and
/// which credentials answer the gateway's 401/407.
/// </summary>
public interface IGatewayDirectory
{
    /// <summary>The gateway called <paramref name="name"/> (case-insensitive), or null.</summary>
    ValueTask<GatewaySettings?> FindAsync(string name, CancellationToken cancellationToken = default);

    ValueTask<IReadOnlyList<GatewaySettings>> ListAsync(CancellationToken cancellationToken = default);
}
