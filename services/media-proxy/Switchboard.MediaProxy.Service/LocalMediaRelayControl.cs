using Microsoft.Extensions.Options;
using Switchboard.Contracts.Media;

namespace Switchboard.MediaProxy.Service;

/// <summary>
/// <see cref="IMediaRelayControl"/> over the in-process <see cref="IMediaRelay"/>: the all-in-one host's path, and what
/// the gRPC adapter calls. The relay works synchronously (socket binds only), so the tasks complete at once.
/// </summary>
public sealed class LocalMediaRelayControl(IMediaRelay relay, IOptions<MediaProxyServiceOptions> options) : IMediaRelayControl
{
    private readonly string _instanceId = options.Value.ResolvedInstanceId;

    public string InstanceId => _instanceId;

    public Task<MediaControlResult> Offer(MediaOffer offer, CancellationToken cancellationToken = default) =>
        Task.FromResult(Convert(relay.Offer(offer.CallId, offer.FromTag, offer.Sdp, ToSide(offer.Towards))));

    public Task<MediaControlResult> Answer(MediaAnswer answer, CancellationToken cancellationToken = default) =>
        Task.FromResult(Convert(relay.Answer(answer.CallId, answer.FromTag, answer.ToTag, answer.Sdp, ToSide(answer.Towards))));

    public Task<MediaControlResult> Update(MediaOffer offer, CancellationToken cancellationToken = default) =>
        Task.FromResult(Convert(relay.Update(offer.CallId, offer.FromTag, offer.Sdp, ToSide(offer.Towards))));

    public Task<MediaDeleteResult> Delete(MediaDelete request, CancellationToken cancellationToken = default) =>
        Task.FromResult(new MediaDeleteResult(relay.Delete(request.CallId, string.IsNullOrEmpty(request.Tag) ? null : request.Tag), _instanceId));

    private MediaControlResult Convert(MediaRelayResult result) =>
        new(ToStatus(result.Status), result.Sdp, result.SipStatusCode, result.Error, _instanceId);

    private static MediaSide ToSide(MediaNetwork network) => network == MediaNetwork.Wan ? MediaSide.Wan : MediaSide.Lan;

    private static MediaControlStatus ToStatus(MediaRelayStatus status) => status switch
    {
        MediaRelayStatus.Relayed => MediaControlStatus.Relayed,
        MediaRelayStatus.PassedThrough => MediaControlStatus.PassedThrough,
        MediaRelayStatus.PortsExhausted => MediaControlStatus.PortsExhausted,
        MediaRelayStatus.InvalidSdp => MediaControlStatus.InvalidSdp,
        MediaRelayStatus.SessionNotFound => MediaControlStatus.SessionNotFound,
        MediaRelayStatus.LegNotFound => MediaControlStatus.LegNotFound,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown relay status"),
    };
}
