namespace Switchboard.MediaProxy;

/// <summary>Outcome of an offer/answer/update: a status, the SDP to forward, and a SIP status for failures.</summary>
public sealed record MediaRelayResult(MediaRelayStatus Status, ReadOnlyMemory<byte> Sdp, int SipStatusCode, string? Error)
{
    public bool IsSuccess => Status is MediaRelayStatus.Relayed or MediaRelayStatus.PassedThrough;

    internal static MediaRelayResult Relayed(byte[] sdp) => new(MediaRelayStatus.Relayed, sdp, 0, null);

    internal static MediaRelayResult PassedThrough(ReadOnlyMemory<byte> sdp) =>
        new(MediaRelayStatus.PassedThrough, sdp, 0, "relay ports exhausted");

    internal static MediaRelayResult Exhausted(int sipStatus) =>
        new(MediaRelayStatus.PortsExhausted, default, sipStatus, "relay ports exhausted");

    internal static MediaRelayResult Invalid(string error) => new(MediaRelayStatus.InvalidSdp, default, 488, error);

    internal static MediaRelayResult NoSession(string callId) =>
        new(MediaRelayStatus.SessionNotFound, default, 481, $"no media session for Call-ID {callId}");

    internal static MediaRelayResult NoLeg(string tag) =>
        new(MediaRelayStatus.LegNotFound, default, 481, $"no media leg with tag {tag}");
}
