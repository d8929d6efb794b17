using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Routing;
using Switchboard.Proxy.Targets;

namespace Switchboard.Proxy.Forwarding;

/// <summary>Everything that turns a received request into one branch's bytes.</summary>
/// <param name="Target">The target of an initial request (its URI becomes the Request-URI), or null to keep it.</param>
/// <param name="Via">Our Via value with this branch's branch parameter.</param>
/// <param name="RecordRoutes">Record-Route values in the order to add them.</param>
/// <param name="Reliable">The next hop is a stream: Content-Length becomes mandatory.</param>
public sealed record ForwardPlan(
    RouteProcessing Routing,
    ProxyTarget? Target,
    byte[] Via,
    IReadOnlyList<byte[]> RecordRoutes,
    bool Reliable)
{
    /// <summary>A body to send instead of the received one (the media relay's SDP), Content-Length fixed; null: keep it.</summary>
    public byte[]? Body { get; init; }
}
