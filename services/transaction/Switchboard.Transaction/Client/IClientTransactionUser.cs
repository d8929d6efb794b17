namespace Switchboard.Transaction.Client;

/// <summary>What a client transaction tells its transaction user (a proxy core or UAC).</summary>
public interface IClientTransactionUser
{
    /// <summary>A 1xx arrived.</summary>
    void OnProvisional(ClientTransaction transaction, int statusCode, ReadOnlyMemory<byte> response);

    /// <summary>
    /// A final response arrived. For INVITE every 2xx is passed, including retransmissions and
    /// forked 2xx received in Accepted (RFC 6026); the ACK for a 2xx is the TU's job.
    /// </summary>
    void OnFinal(ClientTransaction transaction, int statusCode, ReadOnlyMemory<byte> response);

    /// <summary>Timer B or F fired: the TU acts as if a 408 had been received.</summary>
    void OnTimeout(ClientTransaction transaction);

    /// <summary>The transport failed; the transaction is terminated.</summary>
    void OnTransportError(ClientTransaction transaction);
}
