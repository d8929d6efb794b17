using Google.Protobuf;
using Grpc.Core;
using Switchboard.Contracts.Media;
using Switchboard.Protos.MediaProxy;
using ContractNetwork = Switchboard.Contracts.Media.MediaNetwork;
using ContractStatus = Switchboard.Contracts.Media.MediaControlStatus;
using ProtoNetwork = Switchboard.Protos.MediaProxy.MediaNetwork;

namespace Switchboard.Protos.Clients;

/// <summary>
/// <see cref="IMediaRelayControl"/> over gRPC to the media-proxy instance <see cref="MediaRelayPicker"/> chooses per
/// Call-ID. An offer that cannot reach its instance is retried on the next candidate (a new call, or a call whose
/// instance died: the new instance starts a fresh session). Answer/update/delete go to the call's instance only,
/// because no other instance has the session; when it is unreachable the result is 503 Unavailable.
/// </summary>
public sealed class GrpcMediaRelayControl(MediaRelayPicker picker) : IMediaRelayControl
{
    public async Task<MediaControlResult> Offer(MediaOffer offer, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(offer.CallId);
        ArgumentException.ThrowIfNullOrEmpty(offer.FromTag);
        var request = new OfferRequest
        {
            CallId = offer.CallId, FromTag = offer.FromTag, Sdp = ByteString.CopyFrom(offer.Sdp.Span), Towards = ToProto(offer.Towards),
        };
        var candidates = await picker.Candidates(offer.CallId, cancellationToken).ConfigureAwait(false);
        RpcException? last = null;
        foreach (var instance in candidates)
        {
            try
            {
                var response = await instance.Client.OfferAsync(request, CallOptions(cancellationToken)).ConfigureAwait(false);
                return Accepted(offer.CallId, instance, response.Result);
            }
            catch (RpcException e) when (IsTransportFailure(e) && !cancellationToken.IsCancellationRequested)
            {
                picker.MarkDown(instance);
                last = e;
            }
        }

        return MediaControlResult.Unavailable(NoInstance(candidates.Count, last));
    }

    public Task<MediaControlResult> Answer(MediaAnswer answer, CancellationToken cancellationToken = default) =>
        OnCallInstance(answer.CallId, (client, options) => Unwrap(client.AnswerAsync(new AnswerRequest
        {
            CallId = answer.CallId, FromTag = answer.FromTag, ToTag = answer.ToTag,
            Sdp = ByteString.CopyFrom(answer.Sdp.Span), Towards = ToProto(answer.Towards),
        }, options)), cancellationToken);

    public Task<MediaControlResult> Update(MediaOffer offer, CancellationToken cancellationToken = default) =>
        OnCallInstance(offer.CallId, (client, options) => Unwrap(client.UpdateAsync(new UpdateRequest
        {
            CallId = offer.CallId, FromTag = offer.FromTag, Sdp = ByteString.CopyFrom(offer.Sdp.Span), Towards = ToProto(offer.Towards),
        }, options)), cancellationToken);

    public async Task<MediaDeleteResult> Delete(MediaDelete request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(request.CallId);
        var instance = await picker.ForCall(request.CallId, cancellationToken).ConfigureAwait(false);
        picker.Forget(request.CallId);
        if (instance is null)
            return new MediaDeleteResult(false, "");
        try
        {
            var response = await instance.Client.DeleteAsync(
                new DeleteRequest { CallId = request.CallId, Tag = request.Tag ?? "" }, CallOptions(cancellationToken)).ConfigureAwait(false);
            return new MediaDeleteResult(response.Deleted, response.InstanceId);
        }
        catch (RpcException e) when (IsTransportFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            // The instance is gone, and its sessions with it.
            picker.MarkDown(instance);
            return new MediaDeleteResult(false, instance.Id);
        }
    }

    private async Task<MediaControlResult> OnCallInstance(string callId,
        Func<MediaRelayControl.MediaRelayControlClient, CallOptions, Task<RelayResult>> call, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        if (await picker.ForCall(callId, cancellationToken).ConfigureAwait(false) is not { } instance)
            return MediaControlResult.Unavailable(NoInstance(0, null));
        try
        {
            var result = await call(instance.Client, CallOptions(cancellationToken)).ConfigureAwait(false);
            return Accepted(callId, instance, result);
        }
        catch (RpcException e) when (IsTransportFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            picker.MarkDown(instance);
            return MediaControlResult.Unavailable($"media-proxy {instance.Id}: {e.Status.Detail}");
        }
    }

    private MediaControlResult Accepted(string callId, MediaRelayInstance instance, RelayResult result)
    {
        if (result.Status is RelayStatus.Relayed or RelayStatus.PassedThrough)
            picker.Pin(callId, instance);
        return new MediaControlResult(FromProto(result.Status), result.Sdp.Memory, result.SipStatusCode,
            result.Error.Length > 0 ? result.Error : null, result.InstanceId);
    }

    private CallOptions CallOptions(CancellationToken cancellationToken) =>
        new(deadline: DateTime.UtcNow + picker.Options.CallTimeout, cancellationToken: cancellationToken);

    private static async Task<RelayResult> Unwrap<T>(AsyncUnaryCall<T> call) where T : IMessage =>
        await call.ResponseAsync.ConfigureAwait(false) switch
        {
            AnswerResponse answer => answer.Result,
            UpdateResponse update => update.Result,
            var other => throw new InvalidOperationException($"unexpected response {other.GetType().Name}"),
        };

    // Unavailable: no connection; DeadlineExceeded: the instance hangs. Either way, try elsewhere / report 503.
    private static bool IsTransportFailure(RpcException e) =>
        e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Cancelled;

    private static string NoInstance(int tried, RpcException? last) => tried == 0
        ? "no media-proxy instance is available"
        : $"no media-proxy instance answered ({tried} tried): {last?.Status.Detail}";

    private static ProtoNetwork ToProto(ContractNetwork network) =>
        network == ContractNetwork.Wan ? ProtoNetwork.Wan : ProtoNetwork.Lan;

    private static ContractStatus FromProto(RelayStatus status) => status switch
    {
        RelayStatus.Relayed => ContractStatus.Relayed,
        RelayStatus.PassedThrough => ContractStatus.PassedThrough,
        RelayStatus.PortsExhausted => ContractStatus.PortsExhausted,
        RelayStatus.InvalidSdp => ContractStatus.InvalidSdp,
        RelayStatus.SessionNotFound => ContractStatus.SessionNotFound,
        RelayStatus.LegNotFound => ContractStatus.LegNotFound,
        _ => ContractStatus.Unavailable,
    };
}
