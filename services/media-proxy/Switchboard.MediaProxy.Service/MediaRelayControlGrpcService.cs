using Google.Protobuf;
using Grpc.Core;
using Switchboard.Contracts.Media;
using Switchboard.Protos.MediaProxy;
using ContractNetwork = Switchboard.Contracts.Media.MediaNetwork;
using ProtoNetwork = Switchboard.Protos.MediaProxy.MediaNetwork;

namespace Switchboard.MediaProxy.Service;

/// <summary>The gRPC server adapter: proto in, <see cref="IMediaRelayControl"/>, proto out. Bad input is a result, not a fault.</summary>
internal sealed class MediaRelayControlGrpcService(IMediaRelayControl control) : MediaRelayControl.MediaRelayControlBase
{
    public override async Task<OfferResponse> Offer(OfferRequest request, ServerCallContext context)
    {
        Require(request.CallId, "call_id");
        Require(request.FromTag, "from_tag");
        var result = await control.Offer(
            new MediaOffer(request.CallId, request.FromTag, request.Sdp.Memory, ToNetwork(request.Towards)), context.CancellationToken);
        return new OfferResponse { Result = ToProto(result) };
    }

    public override async Task<AnswerResponse> Answer(AnswerRequest request, ServerCallContext context)
    {
        Require(request.CallId, "call_id");
        Require(request.FromTag, "from_tag");
        Require(request.ToTag, "to_tag");
        var result = await control.Answer(new MediaAnswer(request.CallId, request.FromTag, request.ToTag, request.Sdp.Memory,
            ToNetwork(request.Towards)), context.CancellationToken);
        return new AnswerResponse { Result = ToProto(result) };
    }

    public override async Task<UpdateResponse> Update(UpdateRequest request, ServerCallContext context)
    {
        Require(request.CallId, "call_id");
        Require(request.FromTag, "from_tag");
        var result = await control.Update(
            new MediaOffer(request.CallId, request.FromTag, request.Sdp.Memory, ToNetwork(request.Towards)), context.CancellationToken);
        return new UpdateResponse { Result = ToProto(result) };
    }

    public override async Task<DeleteResponse> Delete(DeleteRequest request, ServerCallContext context)
    {
        Require(request.CallId, "call_id");
        var result = await control.Delete(
            new MediaDelete(request.CallId, request.Tag.Length > 0 ? request.Tag : null), context.CancellationToken);
        return new DeleteResponse { Deleted = result.Deleted, InstanceId = result.InstanceId };
    }

    private static void Require(string value, string field)
    {
        if (string.IsNullOrEmpty(value))
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"{field} is required"));
    }

    private static ContractNetwork ToNetwork(ProtoNetwork network) =>
        network == ProtoNetwork.Wan ? ContractNetwork.Wan : ContractNetwork.Lan;

    private static RelayResult ToProto(MediaControlResult result) => new()
    {
        Status = result.Status switch
        {
            MediaControlStatus.Relayed => RelayStatus.Relayed,
            MediaControlStatus.PassedThrough => RelayStatus.PassedThrough,
            MediaControlStatus.PortsExhausted => RelayStatus.PortsExhausted,
            MediaControlStatus.InvalidSdp => RelayStatus.InvalidSdp,
            MediaControlStatus.SessionNotFound => RelayStatus.SessionNotFound,
            MediaControlStatus.LegNotFound => RelayStatus.LegNotFound,
            _ => throw new RpcException(new Status(StatusCode.Internal, $"unexpected relay status {result.Status}")),
        },
        Sdp = ByteString.CopyFrom(result.Sdp.Span),
        SipStatusCode = result.SipStatusCode,
        Error = result.Error ?? "",
        InstanceId = result.InstanceId,
    };
}
