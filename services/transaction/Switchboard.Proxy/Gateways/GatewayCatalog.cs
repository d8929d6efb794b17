using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Contracts.Gateway;

namespace Switchboard.Proxy.Gateways;

/// <summary>
/// The configured gateways as a snapshot the forwarding path can read without waiting: read from
/// <see cref="IGatewayDirectory"/> at most every <see cref="GatewayRoutingOptions.DirectoryRefresh"/>, in the background.
/// Matches a Request-URI host[:port] or a next-hop address against each gateway's <see cref="GatewaySettings.Domain"/>.
/// </summary>
public sealed class GatewayCatalog
{
    private readonly IGatewayDirectory _directory;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refresh;
    private readonly ILogger _logger;
    private IReadOnlyList<GatewaySettings> _gateways = []; // replaced whole, read without a lock
    private long _readAtTicks = long.MinValue;
    private int _refreshing;

    public GatewayCatalog(IGatewayDirectory directory, GatewayRoutingOptions options, TimeProvider time, ILogger<GatewayCatalog>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(options);
        _directory = directory;
        _time = time ?? TimeProvider.System;
        _refresh = options.DirectoryRefresh;
        _logger = logger ?? NullLogger<GatewayCatalog>.Instance;
    }

    /// <summary>The gateways as last read (starts a refresh when stale).</summary>
    public IReadOnlyList<GatewaySettings> Current
    {
        get
        {
            if (_time.GetTimestamp() - Interlocked.Read(ref _readAtTicks) > _refresh.TotalSeconds * _time.TimestampFrequency
                && Interlocked.Exchange(ref _refreshing, 1) == 0)
            {
                _ = RefreshAsync();
            }

            return Volatile.Read(ref _gateways);
        }
    }

    /// <summary>
    /// <see cref="Current"/>, but read from the directory first when it never was (the first call after a start must
    /// not see an empty list); for paths that may wait, such as address resolution.
    /// </summary>
    public async ValueTask<IReadOnlyList<GatewaySettings>> CurrentOrFirstReadAsync()
    {
        if (Interlocked.Read(ref _readAtTicks) == long.MinValue)
        {
            await RefreshAsync().ConfigureAwait(false);
        }

        return Current;
    }

    /// <summary>Reads the directory now (tests, start-up).</summary>
    public async Task RefreshAsync()
    {
        try
        {
            IReadOnlyList<GatewaySettings> list = await _directory.ListAsync().ConfigureAwait(false);
            Volatile.Write(ref _gateways, list.Where(g => g.Enabled).ToArray());
            Interlocked.Exchange(ref _readAtTicks, _time.GetTimestamp());
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Reading the gateway directory failed; keeping {Count} gateways", Volatile.Read(ref _gateways).Count);
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    /// <summary>
    /// Puts <paramref name="gateway"/> into the snapshot at once (the router just named it, so the request about to be
    /// forwarded must see it even when the gateway was added after the last read).
    /// </summary>
    public void Remember(GatewaySettings gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        IReadOnlyList<GatewaySettings> current = Volatile.Read(ref _gateways);
        if (!current.Contains(gateway))
        {
            Volatile.Write(ref _gateways, [.. current.Where(g => !string.Equals(g.Name, gateway.Name, StringComparison.OrdinalIgnoreCase)), gateway]);
        }
    }

    /// <summary>The gateway whose domain is <paramref name="host"/> (and <paramref name="port"/> when it names one).</summary>
    public GatewaySettings? Match(string host, int? port)
    {
        foreach (GatewaySettings gateway in Current)
        {
            if (GatewayDomain.Matches(gateway.Domain, host, port))
            {
                return gateway;
            }
        }

        return null;
    }
}
