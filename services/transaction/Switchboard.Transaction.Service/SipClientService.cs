using Grpc.Core;
using Switchboard.Contracts.Gateway;
using Switchboard.Protos.Clients;
using Switchboard.Protos.SipClient;

namespace Switchboard.Transaction.Service;

/// <summary>
/// The server side of <c>sip_client.proto</c>: each call is one request sent through the core's client transactions
/// (<see cref="ISipClientRequests"/>); the final response, a timeout or a transport failure is the answer. A request
/// that cannot be read (no method, no destination) is refused with InvalidArgument.
/// </summary>
public sealed class SipClientService(ISipClientRequests requests) : SipClient.SipClientBase
{
    public override async Task<SendResponse> Send(SendRequest request, ServerCallContext context)
    {
        if (request.Method.Length == 0 || request.RequestUri.Length == 0 || request.Host.Length == 0 || request.Port is 0 or > 65535)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "method, request_uri, host and port (1..65535) are required"));
        }

        SipClientResponse response = await requests.SendAsync(SipClientMessages.FromProto(request), context.CancellationToken).ConfigureAwait(false);
        return SipClientMessages.ToProto(response);
    }
}
