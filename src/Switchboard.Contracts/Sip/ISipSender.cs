namespace Switchboard.Contracts.Sip;

/// <summary>Sends SIP messages through the edge transport (a direct call all-in-one, a gRPC stream when distributed).</summary>
public interface ISipSender
{
    /// <summary>Sends <paramref name="message"/>; the bytes are copied or written before the call completes.</summary>
    ValueTask<SendResult> SendAsync(ReadOnlyMemory<byte> message, SendTarget target, CancellationToken cancellationToken = default);
}
