namespace Switchboard.Proxy;

/// <summary>What the proxy did with a request.</summary>
public enum ProxyOutcome : byte
{
    /// <summary>Forwarded (statefully, or statelessly for an ACK); the response context answers later.</summary>
    Forwarded,

    /// <summary>Answered by the proxy itself (483, 482, 420, 403, 407, 404, 480, 481...).</summary>
    Answered,

    /// <summary>Addressed to this server itself (no user part): for the local handlers, not for forwarding.</summary>
    NotForwardable,

    /// <summary>Dropped without an answer (an ACK that cannot go anywhere).</summary>
    Dropped,
}
