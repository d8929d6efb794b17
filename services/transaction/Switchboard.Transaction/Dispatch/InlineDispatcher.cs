namespace Switchboard.Transaction.Dispatch;

/// <summary>
/// Runs work on the posting thread (Processors = 0, and tests). Transactions post after releasing
/// their lock, so the TU may call back into any transaction; it still runs on the receive loop or
/// the timer thread, so it must not block.
/// </summary>
public sealed class InlineDispatcher : ITransactionDispatcher
{
    /// <inheritdoc />
    public void Post(int affinity, ITransactionWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        work.Execute();
    }
}
