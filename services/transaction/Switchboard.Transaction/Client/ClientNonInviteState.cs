namespace Switchboard.Transaction.Client;

/// <summary>States of the non-INVITE client transaction (RFC 3261 Figure 6).</summary>
public enum ClientNonInviteState
{
    /// <summary>Request sent; timers E and F run.</summary>
    Trying,
    /// <summary>A 1xx arrived; Timer E keeps retransmitting at T2.</summary>
    Proceeding,
    /// <summary>A final response arrived; Timer K absorbs retransmissions.</summary>
    Completed,
    /// <summary>Done.</summary>
    Terminated,
}
