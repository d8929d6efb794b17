using Switchboard.Contracts.Gateway;
using Switchboard.GatewayRegistrar.Gateways;
using Switchboard.GatewayRegistrar.Locating;

namespace Switchboard.IntegrationTests.Kamailio;

/// <summary>Locates the provider's domain at the test's Kamailio (no DNS for provider.test on this machine).</summary>
internal sealed class StaticGatewayLocator(string domain, SipClientDestination destination) : IGatewayLocator
{
    public ValueTask<IReadOnlyList<SipClientDestination>> LocateAsync(GatewayAddress address, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<SipClientDestination>>(
            address.Host.Equals(domain, StringComparison.OrdinalIgnoreCase) ? [destination] : []);
}
