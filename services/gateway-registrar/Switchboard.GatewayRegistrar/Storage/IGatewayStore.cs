using Switchboard.Contracts.Gateway;

namespace Switchboard.GatewayRegistrar.Storage;

/// <summary>The gateway table: the directory the router/proxy read, plus the admin changes.</summary>
public interface IGatewayStore : IGatewayDirectory
{
    ValueTask<GatewayChangeResult> AddAsync(GatewaySettings settings, CancellationToken cancellationToken = default);

    ValueTask<GatewayChangeResult> UpdateAsync(GatewaySettings settings, CancellationToken cancellationToken = default);

    ValueTask<GatewayChangeResult> RemoveAsync(string name, CancellationToken cancellationToken = default);
}
