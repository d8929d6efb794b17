using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Transaction.Dispatch;
using Switchboard.Transaction.Logging;
using Switchboard.Transaction.Metrics;
using Switchboard.Transaction.Options;
using Switchboard.Transaction.Timers;

namespace Switchboard.Transaction;

/// <summary>What every transaction of one layer shares: options, timer wheel, dispatchers, counters, logs.</summary>
public sealed class TransactionContext : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    /// <summary>
    /// Creates the shared parts. Dispatchers not given are built from the options' Processors
    /// (0 → inline); the context disposes only what it built.
    /// </summary>
    public TransactionContext(
        TransactionOptions options,
        TimeProvider time,
        ILoggerFactory? loggerFactory = null,
        ITransactionDispatcher? serverDispatcher = null,
        ITransactionDispatcher? clientDispatcher = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        Options = options;
        Time = time;
        Timers = new TimerWheel(time, options.TimerTick, options.TimerSlots);
        _owned.Add(Timers);
        ServerDispatcher = serverDispatcher ?? CreateDispatcher(options.Server);
        ClientDispatcher = clientDispatcher ?? CreateDispatcher(options.Client);
        var factory = loggerFactory ?? NullLoggerFactory.Instance;
        ServerLog = new TransactionLog(factory.CreateLogger(TransactionLog.ServerCategory), options.Server.Log);
        ClientLog = new TransactionLog(factory.CreateLogger(TransactionLog.ClientCategory), options.Client.Log);
    }

    /// <summary>Creates the shared parts from configured options (the DI-friendly form).</summary>
    public TransactionContext(IOptions<TransactionOptions> options, TimeProvider time, ILoggerFactory loggerFactory)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)), time, loggerFactory)
    {
    }

    /// <summary>Timer values and limits.</summary>
    public TransactionOptions Options { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The timer wheel driving every transaction timer.</summary>
    public TimerWheel Timers { get; }

    /// <summary>Runs server TU callbacks.</summary>
    public ITransactionDispatcher ServerDispatcher { get; }

    /// <summary>Runs client TU callbacks.</summary>
    public ITransactionDispatcher ClientDispatcher { get; }

    /// <summary>Counters.</summary>
    public TransactionMetrics Metrics { get; } = new();

    /// <summary>SIPS records.</summary>
    public TransactionLog ServerLog { get; }

    /// <summary>SIPC records.</summary>
    public TransactionLog ClientLog { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var owned in _owned) owned.Dispose();
    }

    private ITransactionDispatcher CreateDispatcher(TransactionSideOptions side)
    {
        if (side.Processors == 0) return new InlineDispatcher();
        IDisposable pool = side.DedicatedThreads ? new ThreadWorkerDispatcher(side.Processors) : new WorkerPoolDispatcher(side.Processors);
        _owned.Add(pool);
        return (ITransactionDispatcher)pool;
    }
}
