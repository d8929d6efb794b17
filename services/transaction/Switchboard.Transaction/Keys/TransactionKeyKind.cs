namespace Switchboard.Transaction.Keys;

/// <summary>How a <see cref="TransactionKey"/> was formed.</summary>
public enum TransactionKeyKind
{
    /// <summary>The default value: matches nothing but another default key.</summary>
    None = 0,
    /// <summary>Server key from an RFC 3261 branch (§17.2.3): branch, sent-by, method.</summary>
    ServerBranch,
    /// <summary>Server key for a request whose branch lacks the magic cookie (RFC 2543 peers).</summary>
    Rfc2543,
    /// <summary>Client key (§17.1.3): branch of our top Via and the CSeq method.</summary>
    Client,
}
