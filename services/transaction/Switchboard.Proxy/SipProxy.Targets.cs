using Switchboard.Contracts.Routing;
using Switchboard.Proxy.Routing;
using Switchboard.Proxy.Targets;
using Switchboard.Sip;
using Switchboard.Sip.Uris;

namespace Switchboard.Proxy;

/// <summary>RFC 3261 §16.5: the target set of a request.</summary>
public sealed partial class SipProxy
{
    /// <summary>
    /// In-dialog requests and requests with a Route left go to their Request-URI unchanged; an initial request for
    /// a local domain is resolved by the router (accounts, aliases, forwarders) and the registrar; any other URI is
    /// forwarded as it is (the security policy already decided whether that is allowed).
    /// </summary>
    private async ValueTask<TargetSet> BuildTargetsAsync(SipMessage message, RouteProcessing routing, bool inDialog, CancellationToken cancellationToken)
    {
        SipUri? uri = routing.RestoredRequestUri;
        if (uri is null && !SipUri.TryParse(message.GetSpan(message.RequestUri), out uri))
        {
            return TargetSet.Rejected(400, "Bad Request-URI");
        }

        if (uri.Scheme is not (UriScheme.Sip or UriScheme.Sips))
        {
            return TargetSet.Rejected(416, "Unsupported URI Scheme");
        }

        TargetSet single = TargetSet.Of([new TargetGroup(1000, [ProxyTarget.ForUri(uri)])]);
        if (inDialog || routing.NextRoute is not null)
        {
            return single;
        }

        bool local = _services.Identity.IsUs(uri) || await _router.IsLocalDomainAsync(uri.Host, cancellationToken).ConfigureAwait(false);
        if (!local)
        {
            return single;
        }

        if (uri.User is not { Length: > 0 } user)
        {
            return TargetSet.Rejected(404, "Not Found");
        }

        AddressResolution resolution = await _router.ResolveAsync(user, uri.Host, cancellationToken).ConfigureAwait(false);
        return await _targets.BuildAsync(resolution, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A Request-URI without a user part, no Route and not our own Record-Route URI (a strict router's hop): a
    /// request for a server (OPTIONS ping, a UA addressed by host only), served by the local handlers, not forwarded.
    /// </summary>
    private static bool IsAddressedToServer(SipMessage message) =>
        SipUri.TryParse(message.GetSpan(message.RequestUri), out SipUri? uri) && uri.Scheme is UriScheme.Sip or UriScheme.Sips
        && uri.User is null && !uri.IsLooseRouting && !message.Contains(HeaderKind.Route);
}
