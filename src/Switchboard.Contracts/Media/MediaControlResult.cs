namespace Switchboard.Contracts.Media;

/// <summary>
/// Outcome of an offer/answer/update: the SDP to forward on success; on failure the SIP status the proxy answers
/// with (488, 481, 500, 503) and a reason. <paramref name="InstanceId"/> names the relay instance that holds the
/// call (empty when none was reached).
/// </summary>
public sealed record MediaControlResult(MediaControlStatus Status, ReadOnlyMemory<byte> Sdp, int SipStatusCode,
    string? Error, string InstanceId)
{
    public bool IsSuccess => Status is MediaControlStatus.Relayed or MediaControlStatus.PassedThrough;

    public static MediaControlResult Unavailable(string error) =>
        new(MediaControlStatus.Unavailable, default, 503, error, "");
}
