namespace Switchboard.MediaProxy;

/// <summary>What an offer does when the port pool has no free pair.</summary>
public enum PortsExhaustedAction
{
    /// <summary>Relay nothing: the SDP is returned unchanged (<see cref="MediaRelayStatus.PassedThrough"/>).</summary>
    PassThrough,
    /// <summary>Fail with 488 Not Acceptable Here.</summary>
    Reject488,
    /// <summary>Fail with 500 Server Internal Error.</summary>
    Reject500,
}
