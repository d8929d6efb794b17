using Switchboard.Contracts.Gateway;
using Switchboard.Contracts.Routing;

namespace Switchboard.Proxy.Gateways;

/// <summary>
/// The router's answers, completed for gateways: a router record <c>&lt;9*&gt; = 011*@gateway:pstn</c> resolves to the
/// bare number and the gateway's name, which becomes <c>sip:number@gateway-domain</c> here (an unknown gateway is a
/// 404); an inbound number listed in <see cref="GatewayRoutingOptions.Dids"/> resolves as the account it maps to, and
/// so does a gateway's registered Contact user with an inbound account (<see cref="GatewayInboundContacts"/>).
/// </summary>
public sealed class GatewayAddressResolution(
    IAddressResolutionService inner, IGatewayDirectory directory, GatewayRoutingOptions options, GatewayCatalog? catalog = null)
    : IAddressResolutionService
{
    private readonly GatewayInboundContacts? _contacts = catalog is null ? null : new GatewayInboundContacts(catalog, options);

    public async ValueTask<AddressResolution> ResolveAsync(string user, string domain, CancellationToken cancellationToken = default)
    {
        if ((options.Dids.TryGetValue(user, out string? account) && account.Length > 0)
            || (_contacts is not null && (account = await _contacts.FindAccountAsync(user).ConfigureAwait(false)) is not null))
        {
            int at = account.IndexOf('@');
            return await inner.ResolveAsync(at < 0 ? account : account[..at], at < 0 ? domain : account[(at + 1)..], cancellationToken)
                .ConfigureAwait(false);
        }

        AddressResolution resolution = await inner.ResolveAsync(user, domain, cancellationToken).ConfigureAwait(false);
        if (resolution.Kind != AddressResolutionKind.Gateway || resolution.GatewayName is not { } name || IsUri(resolution.Uri))
        {
            return resolution;
        }

        GatewaySettings? gateway = await directory.FindAsync(name, cancellationToken).ConfigureAwait(false);
        if (gateway is not { Enabled: true })
        {
            return AddressResolution.Reject(404, $"No gateway '{name}'");
        }

        catalog?.Remember(gateway);
        string target = string.IsNullOrEmpty(resolution.Uri) ? user : resolution.Uri;
        return AddressResolution.ToGateway(name, $"sip:{target}@{gateway.Domain}");
    }

    public ValueTask<bool> IsLocalDomainAsync(string domain, CancellationToken cancellationToken = default) =>
        inner.IsLocalDomainAsync(domain, cancellationToken);

    private static bool IsUri(string? text) =>
        text is not null && (text.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || text.StartsWith("sips:", StringComparison.OrdinalIgnoreCase));
}
