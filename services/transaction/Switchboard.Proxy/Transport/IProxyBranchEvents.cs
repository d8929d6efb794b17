namespace Switchboard.Proxy.Transport;

/// <summary>What a client transaction reports to the proxy branch that started it.</summary>
public interface IProxyBranchEvents
{
    /// <summary>A provisional or final response (every 2xx, retransmissions included: RFC 6026). Bytes stay valid.</summary>
    void OnResponse(int statusCode, ReadOnlyMemory<byte> response);

    /// <summary>Timer B or F fired: treated as a 408 from this branch (RFC 3261 §16.8).</summary>
    void OnTimeout();

    /// <summary>The transport failed: treated as a 503 from this branch (RFC 3261 §16.9).</summary>
    void OnTransportError();
}
