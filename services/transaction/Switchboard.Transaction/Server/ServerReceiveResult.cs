namespace Switchboard.Transaction.Server;

/// <summary>What <see cref="ServerTransactionLayer.Receive"/> did with a request.</summary>
public enum ServerReceiveResult
{
    /// <summary>A new transaction was created and the request passed to the TU.</summary>
    Created,
    /// <summary>A retransmission, absorbed or answered by the existing transaction.</summary>
    Retransmission,
    /// <summary>The ACK matched an INVITE server transaction.</summary>
    AckMatched,
    /// <summary>The ACK matched nothing (an ACK for a 2xx): the caller hands it to the core.</summary>
    AckUnmatched,
    /// <summary>The Limit was reached: the caller answers 503 with Retry-After, statelessly.</summary>
    Refused,
}
