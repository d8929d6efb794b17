namespace Switchboard.Transaction;

/// <summary>Which transaction-user callback a queued notification runs.</summary>
internal enum TuEvent
{
    Request,
    Provisional,
    Final,
    Timeout,
    Ack,
    AckTimeout,
    TransportError,
}
