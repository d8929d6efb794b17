using Switchboard.Contracts.Gateway;
using Switchboard.Protos.GatewayRegistrar;
using GatewayDirectoryClient = Switchboard.Protos.GatewayRegistrar.GatewayDirectory.GatewayDirectoryClient;

namespace Switchboard.Protos.Clients;

/// <summary>
/// <see cref="IGatewayDirectory"/> over the gateway registrar's ListGateways call. The list is kept for
/// <c>ttl</c> (gateways change rarely) so the SIP path does not make a call per request; one call refreshes it at a
/// time. When a refresh fails the last list stays in use until the next refresh is due; with no list yet the error
/// propagates.
/// </summary>
public sealed class GrpcGatewayDirectory : IGatewayDirectory, IDisposable
{
    public static readonly TimeSpan DefaultTtl = TimeSpan.FromSeconds(5);

    private readonly GatewayDirectoryClient _client;
    private readonly TimeProvider _time;
    private readonly long _ttlTicks;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private IReadOnlyList<GatewaySettings>? _gateways; // replaced whole under _refresh, read without a lock
    private long _readAt;
    private long _calls;

    public GrpcGatewayDirectory(GatewayDirectoryClient client, TimeSpan? ttl = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _time = time ?? TimeProvider.System;
        _ttlTicks = (long)((ttl ?? DefaultTtl).TotalSeconds * _time.TimestampFrequency);
    }

    /// <summary>ListGateways calls made so far (tests check the cache with it).</summary>
    public long Calls => Interlocked.Read(ref _calls);

    public async ValueTask<GatewaySettings?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        IReadOnlyList<GatewaySettings> gateways = await ListAsync(cancellationToken).ConfigureAwait(false);
        return gateways.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    public ValueTask<IReadOnlyList<GatewaySettings>> ListAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<GatewaySettings>? gateways = Volatile.Read(ref _gateways);
        return gateways is not null && !IsStale()
            ? ValueTask.FromResult(gateways)
            : new ValueTask<IReadOnlyList<GatewaySettings>>(RefreshAsync(cancellationToken));
    }

    public void Dispose() => _refresh.Dispose();

    private bool IsStale() => _time.GetTimestamp() - Interlocked.Read(ref _readAt) >= _ttlTicks;

    private async Task<IReadOnlyList<GatewaySettings>> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            IReadOnlyList<GatewaySettings>? current = Volatile.Read(ref _gateways);
            if (current is not null && !IsStale())
            {
                return current; // another caller refreshed while this one waited
            }

            try
            {
                Interlocked.Increment(ref _calls);
                ListGatewaysResponse response = await _client.ListGatewaysAsync(new ListGatewaysRequest(), cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
                current = response.Gateways.Select(GatewayMessages.ToSettings).ToArray();
            }
            catch (Exception) when (current is not null && !cancellationToken.IsCancellationRequested)
            {
                // Keep serving the last list; try again after another ttl rather than on every request.
            }

            Volatile.Write(ref _gateways, current);
            Interlocked.Exchange(ref _readAt, _time.GetTimestamp());
            return current;
        }
        finally
        {
            _refresh.Release();
        }
    }
}
