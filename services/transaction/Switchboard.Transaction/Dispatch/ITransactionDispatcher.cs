namespace Switchboard.Transaction.Dispatch;

/// <summary>Runs transaction-user callbacks away from the receive loop and the timer thread.</summary>
public interface ITransactionDispatcher
{
    /// <summary>
    /// Queues <paramref name="work"/>. Work with the same <paramref name="affinity"/> (a transaction's
    /// key hash) runs in posting order, so a TU sees a 180 before the 200 that followed it.
    /// </summary>
    void Post(int affinity, ITransactionWork work);
}
