using System.Net;
using System.Net.Sockets;
using Switchboard.Contracts.Gateway;
using Switchboard.Contracts.Sip;
using Switchboard.GatewayRegistrar.Gateways;

namespace Switchboard.GatewayRegistrar.Locating;

/// <summary>
/// The part of RFC 3263 that needs no SRV/NAPTR: a numeric host is itself; a name is resolved by A/AAAA (system
/// resolver) on the given port or the transport's default port (5060, 5061 for TLS). Providers that publish only SRV
/// records are found by <see cref="SipServerGatewayLocator"/>, which falls back to this one.
/// </summary>
public sealed class AddressGatewayLocator(Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null) : IGatewayLocator
{
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve = resolve ?? Dns.GetHostAddressesAsync;

    public async ValueTask<IReadOnlyList<SipClientDestination>> LocateAsync(GatewayAddress address, CancellationToken cancellationToken = default)
    {
        var transport = address.Transport ?? SipTransport.Udp;
        var port = address.Port ?? (transport == SipTransport.Tls ? 5061 : 5060);
        if (address.NumericHost is { } ip)
        {
            return [new SipClientDestination(ip.ToString(), port, transport)];
        }

        IPAddress[] addresses;
        try
        {
            addresses = await _resolve(address.Host, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            return [];
        }

        // IPv4 first: a SIP provider reached over IPv6 from a host without an IPv6 route only times out.
        return addresses
            .OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1)
            .Select(a => new SipClientDestination(a.ToString(), port, transport))
            .ToArray();
    }
}
