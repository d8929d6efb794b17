namespace Switchboard.Contracts.Gateway;

/// <summary>How a client request ended.</summary>
public enum SipClientOutcome : byte
{
    /// <summary>A final response arrived (any status 200–699).</summary>
    Response = 0,
    /// <summary>Timer B or F fired: no final response (RFC 3261 §17.1, acts as 408).</summary>
    Timeout = 1,
    /// <summary>The request could not be sent (no route, connection refused, ICMP), or the transaction layer refused it.</summary>
    TransportFailure = 2,
}
