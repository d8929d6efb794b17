using Switchboard.Transaction.Dispatch;

namespace Switchboard.Transaction;

/// <summary>One queued transaction-user callback.</summary>
internal sealed class TuCall(Transaction transaction, TuEvent kind, int statusCode, ReadOnlyMemory<byte> message) : ITransactionWork
{
    public void Execute() => transaction.Deliver(kind, statusCode, message);
}
