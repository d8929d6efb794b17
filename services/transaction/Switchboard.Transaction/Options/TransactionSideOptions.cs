namespace Switchboard.Transaction.Options;

/// <summary>The manual's "Server Transactions" / "Client Transactions" settings.</summary>
public sealed class TransactionSideOptions
{
    /// <summary>Maximum concurrent transactions; a new one over it is refused (server: answer 503 + Retry-After).</summary>
    public int Limit { get; set; } = 50_000;

    /// <summary>
    /// Server side: non-INVITE transactions in Completed over UDP (kept only to resend their final response
    /// for Timer J, 64*T1 = 32 s) that do not count towards <see cref="Limit"/>. The default fits a sustained
    /// 20,000 requests/s (640,000 records). A completed REGISTER transaction holds about 1 KB (measured: 992 B,
    /// of which ~420 B is the 200 OK itself), so the default bounds this state at roughly 0.7 GB.
    /// Beyond it, completed transactions count towards <see cref="Limit"/> again. INVITE transactions in Accepted
    /// (Timer L, 32 s after a 2xx) or Confirmed count here too. Client side: INVITE transactions in Accepted (Timer M, 32 s) or Completed (Timer D) and non-INVITE ones in
    /// Completed (Timer K, 5 s): answered, they only absorb retransmissions (at 2,000 calls/s, 64,000 of them).
    /// </summary>
    public int CompletedLimit { get; set; } = 700_000;

    /// <summary>
    /// Server side: bytes for completed non-INVITE responses kept as records in a ring instead of transaction objects
    /// (key + final response, ~0.5 KB for a REGISTER's 200), so the collector does not trace and promote hundreds of
    /// thousands of objects living 32 s. 256 MB holds 20,000/s × 32 s of REGISTER answers; when full, the oldest go
    /// before Timer J (counted). 0 keeps every completed transaction as an object (bounded by <see cref="CompletedLimit"/>).
    /// </summary>
    public long CompletedBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Workers running transaction-user callbacks; 0 runs them inline on the caller's thread.</summary>
    public int Processors { get; set; } = 4;

    /// <summary>
    /// The <see cref="Processors"/> are threads of their own that sleep when idle (true), or consumers on the
    /// shared thread pool (false), whose workers spin for a while before sleeping.
    /// </summary>
    public bool DedicatedThreads { get; set; } = true;

    /// <summary>What goes to the log (tag SIPS for server, SIPC for client).</summary>
    public TransactionLogLevel Log { get; set; } = TransactionLogLevel.Problems;

    internal void Validate(string side)
    {
        if (Limit < 1) throw new ArgumentOutOfRangeException(nameof(Limit), Limit, $"{side} Limit must be at least 1.");
        if (CompletedLimit < 0)
            throw new ArgumentOutOfRangeException(nameof(CompletedLimit), CompletedLimit, $"{side} CompletedLimit must not be negative.");
        if (CompletedBytes != 0 && CompletedBytes is < 64 * 4096 or > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(CompletedBytes), CompletedBytes, $"{side} CompletedBytes must be 0 or 256 KB..2 GB.");
        if (Processors is < 0 or > 1024)
            throw new ArgumentOutOfRangeException(nameof(Processors), Processors, $"{side} Processors must be 0..1024.");
    }
}
