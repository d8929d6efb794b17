namespace Switchboard.Transaction.Options;

/// <summary>The manual's "Server Transactions" / "Client Transactions" settings.</summary>
public sealed class TransactionSideOptions
{
    /// <summary>Maximum concurrent transactions; a new one over it is refused (server: answer 503 + Retry-After).</summary>
    public int Limit { get; set; } = 50_000;

    /// <summary>Workers running transaction-user callbacks; 0 runs them inline on the caller's thread.</summary>
    public int Processors { get; set; } = 4;

    /// <summary>What goes to the log (tag SIPS for server, SIPC for client).</summary>
    public TransactionLogLevel Log { get; set; } = TransactionLogLevel.Problems;

    internal void Validate(string side)
    {
        if (Limit < 1) throw new ArgumentOutOfRangeException(nameof(Limit), Limit, $"{side} Limit must be at least 1.");
        if (Processors is < 0 or > 1024)
            throw new ArgumentOutOfRangeException(nameof(Processors), Processors, $"{side} Processors must be 0..1024.");
    }
}
