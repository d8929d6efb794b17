using Switchboard.Sip;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Uris;

namespace Switchboard.Proxy.Routing;

/// <summary>
/// RFC 3261 §16.4 route information pre-processing: a Request-URI that is our own Record-Route URI comes from a
/// strict router (replace it with the last Route value); our own values at the top of Route are popped (both after
/// double record-routing, RFC 5658). Only plans the edits; <see cref="Forwarding.RequestForwarder"/> applies them.
/// </summary>
public sealed class RoutePreprocessor
{
    private readonly ProxyIdentity _identity;

    public RoutePreprocessor(ProxyIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        _identity = identity;
    }

    public RouteProcessing Process(SipMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = new RouteProcessing();
        ReadOnlySpan<SipHeader> headers = request.Headers;
        if (IsOurRecordRouteUri(request.GetSpan(request.RequestUri), out SipUri? ours) && TryGetLastRoute(request, out int last, out SipUri? lastUri))
        {
            result.RestoredRequestUri = lastUri;
            result.RemovedRoutes.Add(last);
            result.FlowToken = ours.GetParameter(FlowToken.ParameterName);
        }

        for (int i = 0; i < headers.Length; i++)
        {
            if (headers[i].Kind != HeaderKind.Route || result.RemovedRoutes.Contains(i))
            {
                continue;
            }

            if (!TryGetUri(request, headers[i], out SipUri? uri))
            {
                break; // an unreadable Route is nobody's: leave it and route by the Request-URI
            }

            if (result.NextRoute is null && _identity.IsUs(uri))
            {
                result.RemovedRoutes.Add(i);
                result.OwnRoutes++;
                // Only the last of our values popped faces where the request goes (RFC 5658): its token or none. The
                // caller-facing token of a double record-route must not send a caller's own BYE back to the caller.
                result.FlowToken = uri.GetParameter(FlowToken.ParameterName);
                continue;
            }

            result.NextRoute = uri;
            result.NextRouteIndex = i;
            break;
        }

        return result;
    }

    private bool IsOurRecordRouteUri(ReadOnlySpan<byte> requestUri, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SipUri? uri)
    {
        // Our Record-Route URIs have no user part and always carry lr; a request addressed to us as a UAS has no lr.
        return SipUri.TryParse(requestUri, out uri) && uri.User is null && uri.IsLooseRouting && _identity.IsUs(uri);
    }

    private static bool TryGetLastRoute(SipMessage request, out int index, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SipUri? uri)
    {
        ReadOnlySpan<SipHeader> headers = request.Headers;
        for (index = headers.Length - 1; index >= 0; index--)
        {
            if (headers[index].Kind == HeaderKind.Route)
            {
                return TryGetUri(request, headers[index], out uri);
            }
        }

        uri = null;
        return false;
    }

    internal static bool TryGetUri(SipMessage request, in SipHeader header, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SipUri? uri)
    {
        uri = null;
        return request.TryGetNameAddress(header, out SipNameAddress address) && SipUri.TryParse(address.Uri.Of(request.Span), out uri);
    }
}
