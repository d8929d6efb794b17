namespace Switchboard.Transaction.Dispatch;

/// <summary>A unit of transaction-user work (one callback).</summary>
public interface ITransactionWork
{
    /// <summary>Runs the callback.</summary>
    void Execute();
}
