using Grpc.Core;
using Switchboard.Contracts.Gateway;
using Switchboard.Protos.SipClient;

namespace Switchboard.Protos.Clients;

/// <summary>
/// <see cref="ISipClientRequests"/> over the transaction service's SipClient.Send (unary). An unreachable or failing
/// transaction service is a transport failure of the request, never an exception, so callers keep one error path.
/// </summary>
public sealed class GrpcSipClientRequests(SipClient.SipClient.SipClientClient client, TimeProvider? time = null) : ISipClientRequests
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Longer than a non-INVITE transaction can last (64·T1 = 32 s), so the server always answers first.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(40);

    public async ValueTask<SipClientResponse> SendAsync(SipClientRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = new CallOptions(deadline: _time.GetUtcNow().UtcDateTime + Deadline, cancellationToken: cancellationToken);
        try
        {
            var response = await client.SendAsync(SipClientMessages.ToProto(request), options).ConfigureAwait(false);
            return SipClientMessages.FromProto(response);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.DeadlineExceeded)
        {
            return SipClientResponse.TimedOut();
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled || !cancellationToken.IsCancellationRequested)
        {
            return SipClientResponse.Failed($"transaction service: {e.StatusCode} {e.Status.Detail}");
        }
    }
}
