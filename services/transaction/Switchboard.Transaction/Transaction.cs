using Switchboard.Transaction.Dispatch;
using Switchboard.Transaction.Keys;
using Switchboard.Transaction.Logging;
using Switchboard.Transaction.Options;
using Switchboard.Transaction.Timers;
using Switchboard.Transaction.Transport;

namespace Switchboard.Transaction;

/// <summary>
/// What the four machines share: key, transport, timers, TU notification and the end of life.
/// Every input runs under <see cref="Gate"/>; TU notifications are queued under it and handed to the
/// dispatcher after it is released (<see cref="Flush"/>), by one thread at a time, so callbacks keep
/// their order and a TU never runs under a transaction lock (no lock-order deadlocks between a
/// server and a client transaction a proxy TU links).
/// </summary>
public abstract class Transaction
{
    private readonly ITransactionDispatcher _dispatcher;
    private readonly int _affinity;
    private Queue<TuCall>? _pending; // guarded by Gate; null while empty, so a waiting transaction keeps no queue
    private bool _flushing; // guarded by Gate
    private Action<Transaction>? _onTerminated;
    private bool _started;

    private protected Transaction(
        TransactionKey key, TransactionKind kind, ITransactionTransport transport, TransactionContext context, bool isServer)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(context);
        Key = key;
        Kind = kind;
        Transport = transport;
        Context = context;
        IsReliable = transport.IsReliable;
        _affinity = key.GetHashCode();
        _dispatcher = isServer ? context.ServerDispatcher : context.ClientDispatcher;
        Log = isServer ? context.ServerLog : context.ClientLog;
    }

    /// <summary>The table key.</summary>
    public TransactionKey Key { get; }

    /// <summary>Which machine this is.</summary>
    public TransactionKind Kind { get; }

    /// <summary>Whether the transport is reliable (read once: a transaction never changes flow).</summary>
    public bool IsReliable { get; }

    /// <summary>Whether the machine reached Terminated.</summary>
    public abstract bool IsTerminated { get; }

    private protected object Gate { get; } = new();
    private protected ITransactionTransport Transport { get; }
    private protected TransactionContext Context { get; }
    private protected TransactionOptions Options => Context.Options;
    private protected TransactionLog Log { get; }

    /// <summary>Whether the layer's table no longer counts this transaction as in progress (see <see cref="Table.TransactionTable{T}.TrySettle"/>).</summary>
    internal bool IsSettled { get; private set; }

    /// <summary>Set by the layer: moves the transaction to the table's settled count, false when that is full.</summary>
    internal Func<bool>? SettleHandler { get; set; }

    /// <summary>
    /// Asks the layer to stop counting this transaction as in progress (once): it has its final answer and only
    /// absorbs retransmissions until its last timer, so it must not hold a place under the Limit meant for work.
    /// </summary>
    private protected void Settle()
    {
        if (!IsSettled && SettleHandler is { } settle) IsSettled = settle();
    }

    /// <summary>Called once when the machine terminates (the layer removes it from its table).</summary>
    internal void SetTerminatedCallback(Action<Transaction> callback) => _onTerminated = callback;

    internal abstract void Deliver(TuEvent kind, int statusCode, ReadOnlyMemory<byte> message);

    private protected void MarkStarted()
    {
        _started = true;
        Context.Metrics.OnStarted(Kind);
        Log.Write(TransactionLogLevel.AllInfo, "{Kind} {Key} started", Kind, Key);
    }

    private protected bool Send(ReadOnlyMemory<byte> message, bool retransmission)
    {
        if (retransmission)
        {
            Context.Metrics.OnRetransmission();
            Log.Write(TransactionLogLevel.LowLevel, "{Key} retransmits {Length} bytes", Key, message.Length);
        }
        return Transport.Send(message);
    }

    private protected WheelTimer Schedule(TimeSpan delay, Action<object?> callback) => Context.Timers.Schedule(delay, callback, this);

    /// <summary>Queues a TU callback; the caller holds Gate and calls <see cref="Flush"/> after releasing it.</summary>
    private protected void Notify(TuEvent kind, int statusCode = 0, ReadOnlyMemory<byte> message = default) =>
        (_pending ??= new Queue<TuCall>(2)).Enqueue(new TuCall(this, kind, statusCode, message));

    /// <summary>Hands queued TU callbacks to the dispatcher, outside Gate; a re-entrant or concurrent call leaves it to the running one.</summary>
    private protected void Flush()
    {
        lock (Gate)
        {
            if (_flushing || _pending is null) return;
            _flushing = true;
        }
        var done = false;
        try
        {
            while (!done)
            {
                TuCall? call;
                lock (Gate)
                {
                    call = null;
                    done = _pending is null || !_pending.TryDequeue(out call);
                    if (done)
                    {
                        _flushing = false;
                        _pending = null;
                    }
                }
                if (call is not null) _dispatcher.Post(_affinity, call);
            }
        }
        finally
        {
            if (!done) lock (Gate) _flushing = false;
        }
    }

    private protected void RecordTimeout()
    {
        Context.Metrics.OnTimeout();
        Log.Write(TransactionLogLevel.Problems, "{Key} timed out", Key);
    }

    private protected void NotifyTransportError()
    {
        Context.Metrics.OnTransportError();
        Log.Write(TransactionLogLevel.Problems, "{Key} transport error", Key);
        Notify(TuEvent.TransportError);
    }

    /// <summary>Bookkeeping of the Terminated state; the caller has set its state and cancelled its timers.</summary>
    private protected void OnTerminated()
    {
        if (!_started) return;
        _started = false;
        Context.Metrics.OnTerminated(Kind);
        Log.Write(TransactionLogLevel.AllInfo, "{Kind} {Key} terminated", Kind, Key);
        _onTerminated?.Invoke(this);
    }

    private protected static void Cancel(ref WheelTimer? timer)
    {
        timer?.Cancel();
        timer = null;
    }
}
