namespace Switchboard.Contracts.Media;

/// <summary>
/// Controls the media relay (the manual's "Media Stream Proxy") for calls relayed between LAN and WAN. The proxy calls
/// it with each SDP body it forwards and sends on <see cref="MediaControlResult.Sdp"/>. One call per SDP, never per
/// packet. Implementations: in-process (all-in-one host) and gRPC (a media-proxy instance picked per Call-ID).
/// Failures are result values (<see cref="MediaControlResult.IsSuccess"/> false with a SIP status), not exceptions.
/// </summary>
public interface IMediaRelayControl
{
    /// <summary>An offer from the leg <see cref="MediaOffer.FromTag"/>; creates the session when the Call-ID is new.</summary>
    Task<MediaControlResult> Offer(MediaOffer offer, CancellationToken cancellationToken = default);

    /// <summary>The answer from <see cref="MediaAnswer.ToTag"/> to the last offer of <see cref="MediaAnswer.FromTag"/>.</summary>
    Task<MediaControlResult> Answer(MediaAnswer answer, CancellationToken cancellationToken = default);

    /// <summary>A re-INVITE/UPDATE offer from either leg of an existing session.</summary>
    Task<MediaControlResult> Update(MediaOffer offer, CancellationToken cancellationToken = default);

    /// <summary>Ends the session (with a tag: only when a leg has it); its ports are freed.</summary>
    Task<MediaDeleteResult> Delete(MediaDelete request, CancellationToken cancellationToken = default);
}
