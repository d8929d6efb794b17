using Switchboard.Contracts.Gateway;
using Switchboard.GatewayRegistrar.Gateways;

namespace Switchboard.GatewayRegistrar.Locating;

/// <summary>
/// RFC 3263 §4 for a gateway domain: the next hops to try, in order; empty when nothing resolves. The all-in-one host
/// uses <see cref="SipServerGatewayLocator"/> (NAPTR/SRV/A); a numeric host:port never needs DNS.
/// </summary>
public interface IGatewayLocator
{
    ValueTask<IReadOnlyList<SipClientDestination>> LocateAsync(GatewayAddress address, CancellationToken cancellationToken = default);
}
