using Switchboard.Contracts.Sip;
using Switchboard.Sip;

namespace Switchboard.Signal;

/// <summary>
/// Gets responses that match no client transaction (a proxy forwards 2xx retransmissions statelessly, RFC 6026 §7.2).
/// Called on the receive path: must not block; <paramref name="response"/> is valid only during the call.
/// </summary>
public interface IStatelessResponseHandler
{
    void OnResponse(SipMessage response, in ReceivedMessage received);
}
