namespace Switchboard.Transaction.Transport;

/// <summary>The flow a transaction sends on (one per transaction or shared per connection).</summary>
public interface ITransactionTransport
{
    /// <summary>Reliable transports (TCP, TLS, WS) get no retransmissions and zero-length D, I, J, K.</summary>
    bool IsReliable { get; }

    /// <summary>
    /// Hands the bytes to the transport without blocking; false on a transport error (the transaction
    /// then terminates and informs its TU). Errors found later are reported via OnTransportError.
    /// The transaction keeps <paramref name="message"/> for retransmission, so it must not be reused.
    /// </summary>
    bool Send(ReadOnlyMemory<byte> message);
}
