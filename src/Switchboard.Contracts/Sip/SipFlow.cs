using System.Net;

namespace Switchboard.Contracts.Sip;

/// <summary>
/// The path a message arrived on (RFC 5626 "flow"): which edge, which transport, which local and remote socket,
/// and for TCP/TLS which connection. A response or a later request to a device behind NAT goes back the same way.
/// </summary>
public readonly record struct SipFlow(
    string EdgeId,
    SipTransport Transport,
    IPEndPoint Local,
    IPEndPoint Remote,
    long ConnectionId)
{
    /// <summary>Connection id used for datagram flows, which have no connection.</summary>
    public const long NoConnection = 0;

    public bool IsReliable => Transport.IsReliable();

    public override string ToString() =>
        $"{Transport.ToViaToken()} {Local}->{Remote}" + (ConnectionId == NoConnection ? "" : $" #{ConnectionId}") + $" @{EdgeId}";
}
