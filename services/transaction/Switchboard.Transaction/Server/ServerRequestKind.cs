namespace Switchboard.Transaction.Server;

/// <summary>How a request takes part in server transactions.</summary>
public enum ServerRequestKind
{
    /// <summary>INVITE: an INVITE server transaction.</summary>
    Invite,
    /// <summary>ACK: matched to an INVITE server transaction, never creates one.</summary>
    Ack,
    /// <summary>Any other method, CANCEL included: a non-INVITE server transaction.</summary>
    NonInvite,
}
