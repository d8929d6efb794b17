using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Transport;

namespace Switchboard.Proxy.Forwarding;

/// <summary>Where a forwarded request goes: straight over a known flow, or to a next hop still to be located.</summary>
public readonly record struct HopPlan(SendTarget? Direct, NextHop Hop)
{
    public static HopPlan ToFlow(SipFlow flow) => new(SendTarget.ToFlow(flow), default);

    public static HopPlan ToHop(NextHop hop) => new(null, hop);
}
