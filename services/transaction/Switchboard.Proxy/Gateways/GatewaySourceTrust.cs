using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Contracts.Gateway;
using Switchboard.Proxy.Security;

namespace Switchboard.Proxy.Gateways;

/// <summary>
/// <see cref="IGatewayTrust"/> over <see cref="GatewayCatalog"/>: a gateway whose Domain is an address literal is
/// trusted at that address at once; a host name is resolved (A/AAAA; with <see cref="GatewayHostAddresses"/> also its
/// RFC 3263 targets) in the background whenever the catalog's list changes, so the SIP path only reads a snapshot.
/// Until a name resolves its gateway is not trusted (fails closed).
/// </summary>
public sealed class GatewaySourceTrust : IGatewayTrust
{
    private readonly GatewayCatalog _catalog;
    private readonly GatewayRoutingOptions _options;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;
    private readonly ILogger _logger;
    private readonly GatewayInboundContacts _contacts;
    private readonly object _gate = new(); // guards _listSeen and the start of a resolution
    private IReadOnlyList<GatewaySettings>? _listSeen;
    private HashSet<IPAddress> _addresses = []; // replaced whole, read without a lock

    public GatewaySourceTrust(
        GatewayCatalog catalog, GatewayRoutingOptions options,
        Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null, ILogger<GatewaySourceTrust>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        _catalog = catalog;
        _options = options;
        _resolve = resolve ?? Dns.GetHostAddressesAsync;
        _logger = logger ?? NullLogger<GatewaySourceTrust>.Instance;
        _contacts = new GatewayInboundContacts(catalog, options);
    }

    public bool IsGatewaySource(IPAddress source)
    {
        ArgumentNullException.ThrowIfNull(source);
        IReadOnlyList<GatewaySettings> gateways = _catalog.Current;
        if (!ReferenceEquals(gateways, Volatile.Read(ref _listSeen)))
        {
            Update(gateways);
        }

        return Volatile.Read(ref _addresses).Contains(source.IsIPv4MappedToIPv6 ? source.MapToIPv4() : source);
    }

    public bool IsGatewayNumber(string user) =>
        user is { Length: > 0 } && (_options.Dids.ContainsKey(user) || _contacts.TryGetAccount(user, out _));

    /// <summary>Resolves the gateways' host names now (tests, start-up); literals need no call.</summary>
    public Task RefreshAsync()
    {
        IReadOnlyList<GatewaySettings> gateways = _catalog.Current;
        lock (_gate)
        {
            _listSeen = gateways;
        }

        return ResolveAsync(gateways);
    }

    private void Update(IReadOnlyList<GatewaySettings> gateways)
    {
        lock (_gate)
        {
            if (ReferenceEquals(gateways, _listSeen))
            {
                return;
            }

            _listSeen = gateways;
        }

        // The catalog hands out a new list on every refresh: keep the resolved names meanwhile (no trust flapping),
        // add new literals at once; the resolution below replaces the set whole (dropping removed gateways).
        var literals = Hosts(gateways).Select(h => IPAddress.TryParse(h, out IPAddress? a) ? a : null).OfType<IPAddress>();
        Volatile.Write(ref _addresses, [.. Volatile.Read(ref _addresses), .. literals]);
        _ = ResolveAsync(gateways);
    }

    private async Task ResolveAsync(IReadOnlyList<GatewaySettings> gateways)
    {
        var addresses = new HashSet<IPAddress>();
        foreach (string host in Hosts(gateways))
        {
            if (IPAddress.TryParse(host, out IPAddress? literal))
            {
                addresses.Add(literal);
                continue;
            }

            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                foreach (IPAddress address in await _resolve(host, timeout.Token).ConfigureAwait(false))
                {
                    addresses.Add(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
                }
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Resolving gateway host {Host} failed; its requests are not trusted as gateway traffic", host);
            }
        }

        if (ReferenceEquals(gateways, Volatile.Read(ref _listSeen)))
        {
            Volatile.Write(ref _addresses, addresses); // a newer list started its own resolution: keep its result
        }
    }

    private static IEnumerable<string> Hosts(IReadOnlyList<GatewaySettings> gateways) =>
        gateways.Select(g => GatewayDomain.Split(g.Domain).Host).Distinct(StringComparer.OrdinalIgnoreCase);
}
