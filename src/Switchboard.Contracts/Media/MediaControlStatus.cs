namespace Switchboard.Contracts.Media;

public enum MediaControlStatus
{
    /// <summary>Ports allocated (or reused); the SDP points at the relay.</summary>
    Relayed,
    /// <summary>No ports were free and the relay is set to relay nothing: the SDP comes back unchanged.</summary>
    PassedThrough,
    /// <summary>No ports were free and the relay is set to fail.</summary>
    PortsExhausted,
    /// <summary>The body is not valid SDP.</summary>
    InvalidSdp,
    /// <summary>No session with that Call-ID (deleted, timed out, or its instance is gone).</summary>
    SessionNotFound,
    /// <summary>The session exists but no leg has that tag.</summary>
    LegNotFound,
    /// <summary>No relay instance could be reached.</summary>
    Unavailable,
}
