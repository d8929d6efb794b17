using Switchboard.Sip.Uris;

namespace Switchboard.Proxy.Routing;

/// <summary>
/// The outcome of RFC 3261 §16.4 for one request: the Route values to remove (header indexes), the Request-URI
/// restored from a strict router's Route set, the flow token of our own Route, and the first remaining Route.
/// </summary>
public sealed class RouteProcessing
{
    public List<int> RemovedRoutes { get; } = [];

    /// <summary>The last Route value moved into the Request-URI (a strict router sent us our own URI), or null.</summary>
    public SipUri? RestoredRequestUri { get; set; }

    /// <summary>How many of our own Route values were at the top (two after double record-routing).</summary>
    public int OwnRoutes { get; set; }

    /// <summary>The flow the next hop is reached over, from our Record-Route URI (NAT), or null.</summary>
    public string? FlowToken { get; set; }

    /// <summary>The first Route value left after ours: the next hop (§16.6 step 6), or null.</summary>
    public SipUri? NextRoute { get; set; }

    /// <summary>Header index of <see cref="NextRoute"/> (to remove it when it is a strict router).</summary>
    public int NextRouteIndex { get; set; } = -1;

    /// <summary>Whether the request was routed to us by a Record-Route we placed.</summary>
    public bool ViaOurRecordRoute => OwnRoutes > 0 || RestoredRequestUri is not null;
}
