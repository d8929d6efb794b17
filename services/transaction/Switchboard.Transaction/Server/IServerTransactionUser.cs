namespace Switchboard.Transaction.Server;

/// <summary>What a server transaction tells its transaction user (a proxy core or UAS).</summary>
public interface IServerTransactionUser
{
    /// <summary>A new request (not a retransmission); answer with <see cref="ServerTransaction.SendResponse"/>.</summary>
    void OnRequest(ServerTransaction transaction, ReadOnlyMemory<byte> request);

    /// <summary>
    /// An ACK reached an INVITE transaction in Accepted: it acknowledges a 2xx and belongs to the TU
    /// (RFC 6026). ACKs for 2xx from RFC 3261 peers carry a new branch and never match a transaction.
    /// </summary>
    void OnAck(ServerInviteTransaction transaction, ReadOnlyMemory<byte> ack);

    /// <summary>Timer H fired: no ACK came for the non-2xx final response.</summary>
    void OnAckTimeout(ServerInviteTransaction transaction);

    /// <summary>The transport failed sending a response.</summary>
    void OnTransportError(ServerTransaction transaction);
}
