namespace Switchboard.Transaction.Metrics;

/// <summary>Counters for the host to export (e.g. as Prometheus gauges and counters).</summary>
public interface ITransactionMetrics
{
    /// <summary>Transactions started and not yet terminated.</summary>
    int Live(TransactionKind kind);

    /// <summary>Transactions started since creation.</summary>
    long Started(TransactionKind kind);

    /// <summary>Requests and responses re-sent (timers A, E, G and answers to retransmitted requests).</summary>
    long RetransmissionsSent { get; }

    /// <summary>Timers B, F and H that fired.</summary>
    long Timeouts { get; }

    /// <summary>Transport errors seen by transactions.</summary>
    long TransportErrors { get; }

    /// <summary>New transactions refused because a table was at its limit.</summary>
    long Refused { get; }
}
