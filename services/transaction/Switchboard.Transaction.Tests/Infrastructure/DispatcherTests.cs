using Switchboard.Transaction.Dispatch;
using Switchboard.Transaction.Server;
using Switchboard.Transaction.Tests.Doubles;
using static Switchboard.Transaction.Tests.Doubles.Harness;

namespace Switchboard.Transaction.Tests.Infrastructure;

public sealed class DispatcherTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private sealed class Work(Action action) : ITransactionWork
    {
        public void Execute() => action();
    }

    public static TheoryData<bool> Kinds => new() { true, false };

    private static IDisposableDispatcher Pool(bool dedicated, int workers) =>
        dedicated ? new DedicatedPool(new ThreadWorkerDispatcher(workers)) : new SharedPool(new WorkerPoolDispatcher(workers));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void WorkerPool_KeepsOrderPerAffinity(bool dedicated)
    {
        using var pool = Pool(dedicated, 3);
        var seen = new List<int>[3];
        for (var a = 0; a < 3; a++) seen[a] = [];
        using var done = new CountdownEvent(3_000);
        for (var i = 0; i < 1_000; i++)
        {
            for (var a = 0; a < 3; a++)
            {
                var (affinity, value) = (a, i);
                pool.Post(affinity, new Work(() => { seen[affinity].Add(value); done.Signal(); }));
            }
        }
        Assert.True(done.Wait(Wait));
        for (var a = 0; a < 3; a++) Assert.Equal(Enumerable.Range(0, 1_000), seen[a]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void WorkerPool_RunsOffThePostingThread_AndSurvivesThrowingWork(bool dedicated)
    {
        using var pool = Pool(dedicated, 2);
        var poster = Environment.CurrentManagedThreadId;
        var worker = 0;
        using var ran = new ManualResetEventSlim();
        pool.Post(7, new Work(() => throw new InvalidOperationException("tu bug")));
        pool.Post(7, new Work(() => { worker = Environment.CurrentManagedThreadId; ran.Set(); }));
        // Block the posting thread while waiting: an async wait would hand it back to the pool, where it may run the work.
        Assert.True(ran.Wait(Wait));
        Assert.NotEqual(poster, worker);
        Assert.Equal(1, pool.Failed);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void WorkerPool_WakesASleepingWorker_ForEveryPostFromManyThreads(bool dedicated)
    {
        // Posts race with workers going to sleep; a lost wake-up leaves work queued and the countdown short.
        using var pool = Pool(dedicated, 2);
        const int Threads = 4, Rounds = 200, Burst = 25;
        using var done = new CountdownEvent(Threads * Rounds * Burst);
        var posters = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            for (var r = 0; r < Rounds; r++)
            {
                for (var i = 0; i < Burst; i++) pool.Post(t * 31 + i, new Work(() => done.Signal()));
                if (r % 10 == 0) Thread.Sleep(1); // let the workers drain and fall asleep
            }
        })).ToArray();
        foreach (var poster in posters) poster.Start();
        foreach (var poster in posters) poster.Join();
        Assert.True(done.Wait(Wait), $"{done.CurrentCount} posts never ran");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void WorkerPool_RunsWorkPostedAfterAnIdlePause(bool dedicated)
    {
        using var pool = Pool(dedicated, 1);
        using var first = new ManualResetEventSlim();
        using var second = new ManualResetEventSlim();
        pool.Post(0, new Work(first.Set));
        Assert.True(first.Wait(Wait));
        Thread.Sleep(50); // the worker is blocked in its wait now
        pool.Post(0, new Work(second.Set));
        Assert.True(second.Wait(Wait));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void WorkerPool_Dispose_DrainsQueuedWork_ThenRejects(bool dedicated)
    {
        var pool = Pool(dedicated, 1);
        var count = 0;
        for (var i = 0; i < 100; i++) pool.Post(0, new Work(() => Interlocked.Increment(ref count)));
        pool.Dispose();
        Assert.Equal(100, count);
        pool.Post(0, new Work(() => Interlocked.Increment(ref count)));
        Assert.Equal(1, pool.Rejected);
    }

    [Fact]
    public async Task ServerLayer_WithProcessors_DeliversRequestsOnWorkers()
    {
        using var h = new Harness(o => o.Server.Processors = 2);
        var user = new RecordingServerUser();
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        user.OnRequestReceived = tx =>
        {
            tx.SendResponse(200, Bytes("200"));
            answered.SetResult();
        };
        var layer = new ServerTransactionLayer(h.Context, user);
        var transport = new LockedTransport();
        Assert.Equal(ServerReceiveResult.Created, layer.Receive(ServerKey(), ServerRequestKind.Invite, Bytes("INVITE"), transport, out var tx));
        await answered.Task.WaitAsync(Wait);
        Assert.Equal(ServerInviteState.Accepted, ((ServerInviteTransaction)tx!).State);
        Assert.Equal(1, transport.Count);
    }

    /// <summary>The two pool kinds behind one face, so every test runs against both.</summary>
    private interface IDisposableDispatcher : ITransactionDispatcher, IDisposable
    {
        long Failed { get; }

        long Rejected { get; }
    }

    private sealed class DedicatedPool(ThreadWorkerDispatcher inner) : IDisposableDispatcher
    {
        public long Failed => inner.Failed;

        public long Rejected => inner.Rejected;

        public void Post(int affinity, ITransactionWork work) => inner.Post(affinity, work);

        public void Dispose() => inner.Dispose();
    }

    private sealed class SharedPool(WorkerPoolDispatcher inner) : IDisposableDispatcher
    {
        public long Failed => inner.Failed;

        public long Rejected => inner.Rejected;

        public void Post(int affinity, ITransactionWork work) => inner.Post(affinity, work);

        public void Dispose() => inner.Dispose();
    }

    private sealed class LockedTransport : Transport.ITransactionTransport
    {
        private int _count;

        public bool IsReliable => true;

        public int Count => Volatile.Read(ref _count);

        public bool Send(ReadOnlyMemory<byte> message)
        {
            Interlocked.Increment(ref _count);
            return true;
        }
    }
}
