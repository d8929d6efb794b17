using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Routing;
using Switchboard.Proxy.Targets;
using Switchboard.Proxy.Transport;
using Switchboard.Sip.Uris;

namespace Switchboard.Proxy.Forwarding;

/// <summary>
/// RFC 3261 §16.6 steps 6–7: the next hop is the first Route left (a Path from the registrar counts as Route),
/// else the flow of a NATed target or of our own Record-Route, else the Request-URI.
/// </summary>
public static class NextHopPlanner
{
    public static HopPlan Plan(RouteProcessing routing, ProxyTarget? target, SipUri requestUri)
    {
        ArgumentNullException.ThrowIfNull(routing);
        ArgumentNullException.ThrowIfNull(requestUri);
        if (target is { Path.Count: > 0 } && SipUri.TryParse(StripBrackets(target.Path[0]), out SipUri? path))
        {
            return HopPlan.ToHop(FromUri(path));
        }

        if (routing.NextRoute is { } route)
        {
            return HopPlan.ToHop(FromUri(route));
        }

        if (target?.Flow is { } flow)
        {
            return HopPlan.ToFlow(flow);
        }

        if (routing.FlowToken is { } token && FlowToken.TryDecode(token, out SipFlow recorded))
        {
            return HopPlan.ToFlow(recorded);
        }

        return HopPlan.ToHop(FromUri(requestUri));
    }

    public static NextHop FromUri(SipUri uri)
    {
        // RFC 3261 §19.1.1: maddr overrides the host.
        string host = uri.Maddr ?? uri.Host;
        SipTransport? transport = FlowToken.TryParseTransport(uri.Transport, out SipTransport t) ? t : null;
        return new NextHop(host, uri.Port ?? -1, transport, uri.IsSecure);
    }

    /// <summary>Path and Route values come as name-addr ("&lt;sip:...;lr&gt;"); the URI is inside the brackets.</summary>
    public static string StripBrackets(string value)
    {
        int open = value.IndexOf('<');
        int close = value.LastIndexOf('>');
        return open >= 0 && close > open ? value[(open + 1)..close] : value.Trim();
    }
}
