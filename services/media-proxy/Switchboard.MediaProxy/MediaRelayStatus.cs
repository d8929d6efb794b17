namespace Switchboard.MediaProxy;

public enum MediaRelayStatus
{
    /// <summary>Ports allocated (or reused); <see cref="MediaRelayResult.Sdp"/> is the rewritten body.</summary>
    Relayed,
    /// <summary>No ports were free and the options say relay nothing: the body is returned unchanged.</summary>
    PassedThrough,
    /// <summary>No ports were free and the options say fail; see <see cref="MediaRelayResult.SipStatusCode"/>.</summary>
    PortsExhausted,
    /// <summary>The body is not valid SDP (caller answers 488 or 400).</summary>
    InvalidSdp,
    /// <summary>No session with that Call-ID (answer/update after delete or timeout).</summary>
    SessionNotFound,
    /// <summary>The session exists but no leg has that tag.</summary>
    LegNotFound,
}
