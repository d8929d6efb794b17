namespace Switchboard.Transaction.Server;

/// <summary>States of the non-INVITE server transaction (RFC 3261 Figure 8).</summary>
public enum ServerNonInviteState
{
    /// <summary>Request passed to the TU; retransmissions are absorbed.</summary>
    Trying,
    /// <summary>A 1xx was sent; retransmissions get it again.</summary>
    Proceeding,
    /// <summary>A final response was sent; Timer J absorbs retransmissions.</summary>
    Completed,
    /// <summary>Done.</summary>
    Terminated,
}
