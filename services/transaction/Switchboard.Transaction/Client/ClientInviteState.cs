namespace Switchboard.Transaction.Client;

/// <summary>States of the INVITE client transaction (RFC 3261 Figure 5, RFC 6026 Figure 3).</summary>
public enum ClientInviteState
{
    /// <summary>INVITE sent, no response yet; timers A and B run.</summary>
    Calling,
    /// <summary>A 1xx arrived.</summary>
    Proceeding,
    /// <summary>A 2xx arrived; further 2xx go to the TU until Timer M.</summary>
    Accepted,
    /// <summary>A 300-699 arrived and was ACKed; Timer D absorbs retransmissions.</summary>
    Completed,
    /// <summary>Done.</summary>
    Terminated,
}
