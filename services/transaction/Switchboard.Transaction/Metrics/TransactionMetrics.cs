namespace Switchboard.Transaction.Metrics;

/// <summary>Lock-free counters shared by the transactions of one layer.</summary>
public sealed class TransactionMetrics : ITransactionMetrics
{
    private const int KindCount = 4;
    private readonly int[] _live = new int[KindCount];
    private readonly long[] _started = new long[KindCount];
    private long _retransmissions;
    private long _timeouts;
    private long _transportErrors;
    private long _refused;

    /// <inheritdoc />
    public int Live(TransactionKind kind) => Volatile.Read(ref _live[(int)kind]);

    /// <inheritdoc />
    public long Started(TransactionKind kind) => Interlocked.Read(ref _started[(int)kind]);

    /// <inheritdoc />
    public long RetransmissionsSent => Interlocked.Read(ref _retransmissions);

    /// <inheritdoc />
    public long Timeouts => Interlocked.Read(ref _timeouts);

    /// <inheritdoc />
    public long TransportErrors => Interlocked.Read(ref _transportErrors);

    /// <inheritdoc />
    public long Refused => Interlocked.Read(ref _refused);

    internal void OnStarted(TransactionKind kind)
    {
        Interlocked.Increment(ref _live[(int)kind]);
        Interlocked.Increment(ref _started[(int)kind]);
    }

    internal void OnTerminated(TransactionKind kind) => Interlocked.Decrement(ref _live[(int)kind]);

    internal void OnRetransmission() => Interlocked.Increment(ref _retransmissions);

    internal void OnTimeout() => Interlocked.Increment(ref _timeouts);

    internal void OnTransportError() => Interlocked.Increment(ref _transportErrors);

    internal void OnRefused() => Interlocked.Increment(ref _refused);
}
