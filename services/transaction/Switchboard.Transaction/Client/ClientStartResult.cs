namespace Switchboard.Transaction.Client;

/// <summary>What <see cref="ClientTransactionLayer.Start"/> did.</summary>
public enum ClientStartResult
{
    /// <summary>The request was sent and the transaction runs.</summary>
    Started,
    /// <summary>A transaction with the key exists (the caller reused a branch); nothing was sent.</summary>
    Duplicate,
    /// <summary>The Client Transactions Limit was reached; nothing was sent.</summary>
    Refused,
}
