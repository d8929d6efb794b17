using System.Collections.Concurrent;

namespace Switchboard.Transaction.Dispatch;

/// <summary>
/// N worker threads (the manual's "Processors"), each draining its own queue; work is routed by affinity so one
/// transaction's callbacks stay ordered while different transactions run in parallel. Posting never blocks.
/// Dedicated threads rather than thread-pool continuations: a post wakes a known, sleeping thread (one futex) instead
/// of queueing a work item that thread-pool workers spin for.
/// </summary>
public sealed class ThreadWorkerDispatcher : ITransactionDispatcher, IDisposable
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);
    private readonly Worker[] _workers;
    private long _failed;
    private long _rejected;

    /// <summary>Starts <paramref name="workers"/> consumers.</summary>
    public ThreadWorkerDispatcher(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        _workers = new Worker[workers];
        for (var i = 0; i < workers; i++)
        {
            _workers[i] = new Worker(this, i);
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
        if (!_workers[(int)((uint)affinity % (uint)_workers.Length)].TryPost(work))
        {
            Interlocked.Increment(ref _rejected);
        }
    }

    /// <summary>Stops accepting work and waits (bounded) for the queued work to finish.</summary>
    public void Dispose()
    {
        foreach (var worker in _workers) worker.Complete();
        var deadline = DateTime.UtcNow + DrainTimeout;
        foreach (var worker in _workers)
        {
            var left = deadline - DateTime.UtcNow;
            worker.Join(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
    }

    private sealed class Worker
    {
        private readonly ThreadWorkerDispatcher _owner;
        private readonly ConcurrentQueue<ITransactionWork> _queue = new();
        // No spinning before blocking: a spinning idle worker yields thousands of times a second and burns the core
        // the receivers need; a post to a sleeping worker costs one futex wake instead.
        private readonly ManualResetEventSlim _wake = new(false, spinCount: 0);
        private readonly Thread _thread;
        private int _sleeping;
        private volatile bool _completed;

        public Worker(ThreadWorkerDispatcher owner, int index)
        {
            _owner = owner;
            _thread = new Thread(Run) { IsBackground = true, Name = $"SIP worker #{index}" };
            _thread.Start();
        }

        public bool TryPost(ITransactionWork work)
        {
            if (_completed) return false;
            _queue.Enqueue(work);
            // Only a worker that announced it is going to sleep needs the (comparatively costly) wake-up.
            if (Volatile.Read(ref _sleeping) == 1 && Interlocked.Exchange(ref _sleeping, 0) == 1) _wake.Set();
            return true;
        }

        public void Complete()
        {
            _completed = true;
            Interlocked.Exchange(ref _sleeping, 0);
            _wake.Set();
        }

        public void Join(TimeSpan timeout) => _thread.Join(timeout);

        private void Run()
        {
            while (true)
            {
                while (_queue.TryDequeue(out var work)) Execute(work);
                if (_completed) return;
                // Reset before announcing sleep, so a poster's Set after the announcement is never lost.
                _wake.Reset();
                // A full fence: the queue check below must not move before the flag is visible to posters.
                Interlocked.Exchange(ref _sleeping, 1);
                // A post between the last dequeue and the flag would otherwise wait for the next one.
                if (!_queue.IsEmpty || _completed)
                {
                    Interlocked.Exchange(ref _sleeping, 0);
                    continue;
                }

                _wake.Wait();
            }
        }

        private void Execute(ITransactionWork work)
        {
            try
            {
                work.Execute();
            }
            catch (Exception)
            {
                Interlocked.Increment(ref _owner._failed);
            }
        }
    }
}
