namespace Switchboard.Transaction.Server;

/// <summary>States of the INVITE server transaction (RFC 3261 Figure 7, RFC 6026 Figure 5).</summary>
public enum ServerInviteState
{
    /// <summary>INVITE passed to the TU; provisional responses go out.</summary>
    Proceeding,
    /// <summary>A 300-699 was sent; timers G and H run until the ACK.</summary>
    Completed,
    /// <summary>The ACK arrived; Timer I absorbs its retransmissions.</summary>
    Confirmed,
    /// <summary>A 2xx was sent; the TU retransmits it, Timer L ends the transaction.</summary>
    Accepted,
    /// <summary>Done.</summary>
    Terminated,
}
