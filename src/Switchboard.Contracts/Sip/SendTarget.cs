using System.Net;

namespace Switchboard.Contracts.Sip;

/// <summary>
/// Where to send a message: over an existing flow (responses, requests to a NATed device), or to an address with an
/// optional transport. Without a transport the edge picks UDP unless the message is too large for the destination
/// (RFC 3261 §18.1.1, the manual's UDP "Request Size Limit" for LAN and WAN), then TCP.
/// </summary>
public readonly record struct SendTarget(SipFlow? Flow, IPEndPoint? Destination, SipTransport? Transport)
{
    public static SendTarget ToFlow(SipFlow flow) => new(flow, null, null);

    public static SendTarget ToAddress(IPEndPoint destination, SipTransport? transport = null) =>
        new(null, destination, transport);
}
