namespace Switchboard.Contracts.Gateway;

/// <summary>
/// Sends a request as a UAC through the transaction layer's client transactions and returns the final response
/// (1xx are absorbed). Never throws for network trouble: timeouts and transport failures are outcomes.
/// A direct call all-in-one; gRPC (<c>protos/sip_client.proto</c>) when distributed.
/// </summary>
public interface ISipClientRequests
{
    ValueTask<SipClientResponse> SendAsync(SipClientRequest request, CancellationToken cancellationToken = default);
}
