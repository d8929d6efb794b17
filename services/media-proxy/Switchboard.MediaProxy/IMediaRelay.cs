namespace Switchboard.MediaProxy;

/// <summary>
/// The media relay (the manual's "Media Stream Proxy"). The SIP side calls it with the SDP it forwards and sends
/// on the returned SDP. <paramref name="towards"/> is the network the rewritten SDP is sent to; its relay address
/// (LAN or WAN) is advertised. A leg is named by its dialog tag (From-tag of the offerer, To-tag of the answerer).
/// </summary>
public interface IMediaRelay
{
    /// <summary>
    /// An offer from the leg <paramref name="fromTag"/>: creates the session if new, allocates a port pair per
    /// active stream for both legs, returns the offer pointing at the relay. A retransmitted identical offer
    /// returns the same SDP (same ports). A different offer on an existing leg works like <see cref="Update"/>.
    /// </summary>
    MediaRelayResult Offer(string callId, string fromTag, ReadOnlyMemory<byte> sdp, MediaSide towards);

    /// <summary>
    /// The answer from the leg <paramref name="toTag"/> to the last offer of the leg <paramref name="fromTag"/>.
    /// The tags name the offerer and the answerer, not the From/To headers of the message carrying the SDP:
    /// for a re-INVITE sent by the callee, <paramref name="fromTag"/> is the callee's tag; for a late offer
    /// (offer in the 200, answer in the ACK) the offerer is the side that sent the 200. The answering leg is
    /// bound to <paramref name="toTag"/> (with forking, the last answer wins).
    /// </summary>
    MediaRelayResult Answer(string callId, string fromTag, string toTag, ReadOnlyMemory<byte> sdp, MediaSide towards);

    /// <summary>A re-INVITE/UPDATE offer from either leg of an existing session: new addresses reset that leg's latch,
    /// new m= lines get ports, port 0 releases a stream.</summary>
    MediaRelayResult Update(string callId, string fromTag, ReadOnlyMemory<byte> sdp, MediaSide towards);

    /// <summary>Ends the session (both legs: a relay needs both); ports go to quarantine. With a tag, only when a
    /// leg has that tag. False when nothing matched.</summary>
    bool Delete(string callId, string? tag = null);

    MediaSessionInfo? GetSession(string callId);

    IReadOnlyList<MediaSessionInfo> GetSessions();

    IMediaRelayMetrics Metrics { get; }

    /// <summary>Raised (on a timer thread) after a silent session was removed.</summary>
    event Action<MediaSessionTimedOut>? SessionTimedOut;
}
