using System.Threading.Channels;

namespace Switchboard.Transaction.Dispatch;

/// <summary>
/// N workers, each draining its own channel; work is routed by affinity so one transaction's
/// callbacks stay ordered while different transactions run in parallel. Posting never blocks.
/// </summary>
public sealed class WorkerPoolDispatcher : ITransactionDispatcher, IDisposable
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);
    private readonly Channel<ITransactionWork>[] _queues;
    private readonly Task[] _workers;
    private long _failed;
    private long _rejected;

    /// <summary>Starts <paramref name="workers"/> consumers.</summary>
    public WorkerPoolDispatcher(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        _queues = new Channel<ITransactionWork>[workers];
        _workers = new Task[workers];
        for (var i = 0; i < workers; i++)
        {
            var queue = Channel.CreateUnbounded<ITransactionWork>(new UnboundedChannelOptions { SingleReader = true });
            _queues[i] = queue;
            _workers[i] = Task.Run(() => RunAsync(queue.Reader));
        }
    }

    /// <summary>Worker count.</summary>
    public int Workers => _workers.Length;

    /// <summary>Callbacks that threw (dropped so the worker survives).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Work posted after disposal.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <inheritdoc />
    public void Post(int affinity, ITransactionWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var queue = _queues[(int)((uint)affinity % (uint)_queues.Length)];
        if (!queue.Writer.TryWrite(work)) Interlocked.Increment(ref _rejected);
    }

    /// <summary>Stops accepting work and waits (bounded) for the queued work to finish.</summary>
    public void Dispose()
    {
        foreach (var queue in _queues) queue.Writer.TryComplete();
        Task.WaitAll(_workers, DrainTimeout);
    }

    private async Task RunAsync(ChannelReader<ITransactionWork> reader)
    {
        await foreach (var work in reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                work.Execute();
            }
            catch (Exception)
            {
                Interlocked.Increment(ref _failed);
            }
        }
    }
}
