using Switchboard.Contracts.Sip;

namespace Switchboard.Proxy.Transport;

/// <summary>
/// What the proxy needs from the SIP server core: client transactions for forwarded requests and stateless sends.
/// The core implements it over its transaction layers and the edge; tests record it.
/// </summary>
public interface IProxyTransport
{
    /// <summary>
    /// Starts a client transaction (key: <see cref="ProxyOutgoingRequest.Branch"/> + CSeq method) that sends the bytes
    /// to the target; its responses, timeout and transport errors go to <paramref name="events"/>. False when it
    /// could not start (limit reached, duplicate branch, send failed at once): the branch then counts as a 503.
    /// </summary>
    bool StartClientTransaction(ProxyOutgoingRequest request, IProxyBranchEvents events);

    /// <summary>Sends without a transaction (ACK for a 2xx, 2xx retransmissions: RFC 6026 §7.2).</summary>
    bool SendStateless(ReadOnlyMemory<byte> message, SendTarget target);
}
