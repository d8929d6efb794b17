using Switchboard.Contracts.Gateway;
using Switchboard.GatewayRegistrar.Gateways;
using Switchboard.Locating;

namespace Switchboard.GatewayRegistrar.Locating;

/// <summary>
/// RFC 3263 §4 for a gateway domain through the shared <see cref="ISipServerLocator"/> (NAPTR → SRV → A/AAAA, an
/// explicit port or transport narrowing it as the RFC says), in the order it returns (SRV priority and weight). When
/// DNS knows nothing the <paramref name="fallback"/> (system resolver: /etc/hosts, container names) is asked.
/// </summary>
public sealed class SipServerGatewayLocator(ISipServerLocator locator, IGatewayLocator? fallback = null) : IGatewayLocator
{
    private readonly IGatewayLocator _fallback = fallback ?? new AddressGatewayLocator();

    public async ValueTask<IReadOnlyList<SipClientDestination>> LocateAsync(GatewayAddress address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.NumericHost is not null)
        {
            return await _fallback.LocateAsync(address, cancellationToken).ConfigureAwait(false); // a literal needs no DNS
        }

        var target = new SipUriTarget(false, address.Host, address.Port, address.Transport);
        IReadOnlyList<SipServerTarget> located = await locator.LocateAsync(target, cancellationToken).ConfigureAwait(false);
        if (located.Count == 0)
        {
            return await _fallback.LocateAsync(address, cancellationToken).ConfigureAwait(false);
        }

        return located.Select(t => new SipClientDestination(t.Address.ToString(), t.Port, t.Transport)).ToArray();
    }
}
