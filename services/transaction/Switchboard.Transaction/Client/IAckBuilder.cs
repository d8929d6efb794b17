namespace Switchboard.Transaction.Client;

/// <summary>Builds the ACK for a non-2xx final response (RFC 3261 §17.1.1.3); supplied by the SIP core.</summary>
public interface IAckBuilder
{
    /// <summary>The ACK bytes for <paramref name="response"/> to <paramref name="request"/>.</summary>
    ReadOnlyMemory<byte> BuildAck(ReadOnlyMemory<byte> request, ReadOnlyMemory<byte> response);
}
