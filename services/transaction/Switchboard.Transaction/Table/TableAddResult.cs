namespace Switchboard.Transaction.Table;

/// <summary>Outcome of <see cref="TransactionTable{T}.TryAdd"/>.</summary>
public enum TableAddResult
{
    /// <summary>The transaction was stored.</summary>
    Added,
    /// <summary>A transaction with the key exists (a retransmission raced the creation).</summary>
    Exists,
    /// <summary>The table is at its limit; a server answers 503 with Retry-After.</summary>
    LimitReached,
}
