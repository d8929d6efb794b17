using System.Net;
using System.Net.Sockets;
using Switchboard.Locating;

namespace Switchboard.Proxy.Gateways;

/// <summary>
/// Where a gateway host name sends from, for <see cref="GatewaySourceTrust"/>: the RFC 3263 targets of the name
/// (NAPTR/SRV/A/AAAA through <see cref="ISipServerLocator"/>; a provider publishing only SRV records sends from its
/// SRV targets) together with the name's own A/AAAA records from the system resolver (/etc/hosts included).
/// </summary>
public sealed class GatewayHostAddresses(ISipServerLocator locator, Func<string, CancellationToken, Task<IPAddress[]>>? system = null)
{
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _system = system ?? Dns.GetHostAddressesAsync;

    public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var addresses = new HashSet<IPAddress>();
        foreach (SipServerTarget target in await locator.LocateAsync(new SipUriTarget(false, host, null, null), cancellationToken).ConfigureAwait(false))
        {
            addresses.Add(target.Address);
        }

        try
        {
            addresses.UnionWith(await _system(host, cancellationToken).ConfigureAwait(false));
        }
        catch (SocketException) when (addresses.Count > 0)
        {
            // located by DNS records the system resolver does not use for the bare name (SRV only): enough
        }

        return [.. addresses];
    }
}
