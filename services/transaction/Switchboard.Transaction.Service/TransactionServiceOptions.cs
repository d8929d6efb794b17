namespace Switchboard.Transaction.Service;

/// <summary>How the transaction service talks to its edges.</summary>
public sealed class TransactionServiceOptions
{
    public const string Section = "TransactionService";

    /// <summary>Messages waiting for one edge; past it sends fail like a full socket buffer.</summary>
    public int EdgeQueueCapacity { get; set; } = 16_384;

    /// <summary>Most messages per stream frame.</summary>
    public int MaxBatch { get; set; } = 128;

    /// <summary>Shortest time between two frames to one edge while messages keep coming (zero: no pacing).</summary>
    public TimeSpan BatchInterval { get; set; } = TimeSpan.FromMilliseconds(1);
}
