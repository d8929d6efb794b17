namespace Switchboard.Transaction;

/// <summary>The four RFC 3261 §17 state machines.</summary>
public enum TransactionKind
{
    /// <summary>Client INVITE (§17.1.1).</summary>
    ClientInvite,
    /// <summary>Client non-INVITE (§17.1.2).</summary>
    ClientNonInvite,
    /// <summary>Server INVITE (§17.2.1).</summary>
    ServerInvite,
    /// <summary>Server non-INVITE (§17.2.2).</summary>
    ServerNonInvite,
}
