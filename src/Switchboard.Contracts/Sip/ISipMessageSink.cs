namespace Switchboard.Contracts.Sip;

/// <summary>Where the edge delivers received messages: the transaction layer (direct call or gRPC stream).</summary>
public interface ISipMessageSink
{
    /// <summary>Called on the receive path; must not block. The bytes are valid only during the call.</summary>
    void OnMessage(in ReceivedMessage message);

    /// <summary>A TCP/TLS connection closed; flows on it are gone.</summary>
    void OnConnectionClosed(in SipFlow flow);
}
