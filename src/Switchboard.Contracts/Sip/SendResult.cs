namespace Switchboard.Contracts.Sip;

/// <summary>The outcome of handing a message to the transport.</summary>
public enum SendStatus : byte
{
    Sent = 0,
    /// <summary>The flow's connection is gone; the caller may fall back to the address (RFC 3261 §18.2.2).</summary>
    FlowClosed = 1,
    /// <summary>The destination could not be reached (connect refused, no route, no listener for the transport).</summary>
    Unreachable = 2,
}

public readonly record struct SendResult(SendStatus Status, SipFlow? Flow)
{
    public bool Succeeded => Status == SendStatus.Sent;
}
