using Switchboard.Transaction.Keys;
using Switchboard.Transaction.Server;
using Switchboard.Transaction.Timers;
using Switchboard.Transaction.Transport;
using static Switchboard.Transaction.Tests.Doubles.Harness;

namespace Switchboard.Transaction.Tests.Infrastructure;

public sealed class ConcurrencyTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task TimerWheel_OnTheSystemClock_Fires()
    {
        using var wheel = new TimerWheel(TimeProvider.System, TimeSpan.FromMilliseconds(5));
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        wheel.Schedule(TimeSpan.FromMilliseconds(20), _ => fired.SetResult(), null);
        await fired.Task.WaitAsync(Wait);
        Assert.Equal(0, wheel.Count);
    }

    [Fact]
    public void ManyServerTransactions_FromSeveralThreads_AllEndAndLeaveTheTable()
    {
        using var h = new Doubles.Harness(o => { o.Server.Processors = 2; o.Server.CompletedBytes = 0; });
        using var answered = new CountdownEvent(2_000);
        var user = new AnsweringUser(answered);
        var layer = new ServerTransactionLayer(h.Context, user);
        var transport = new CountingTransport();

        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var key = TransactionKey.ForServer($"z9hG4bK-{i}", "10.0.0.1", 5060, "MESSAGE");
            layer.Receive(key, ServerRequestKind.NonInvite, Bytes("MESSAGE"), transport, out _);
            // A retransmission racing the first copy must not create a second transaction.
            layer.Receive(key, ServerRequestKind.NonInvite, Bytes("MESSAGE"), transport, out _);
        });

        Assert.True(answered.Wait(Wait));
        Assert.Equal(2_000, user.Requests);
        Assert.Equal(2_000, layer.Table.Count);
        Assert.Equal(2_000, h.Context.Metrics.Live(TransactionKind.ServerNonInvite));

        // Timer J (64*T1 over UDP) ends them all.
        h.Clock.RunToSeconds(32);
        Assert.Equal(0, layer.Table.Count);
        Assert.Equal(0, h.Context.Metrics.Live(TransactionKind.ServerNonInvite));
        Assert.Equal(0, h.Context.Timers.Count);
    }

    private sealed class AnsweringUser(CountdownEvent answered) : IServerTransactionUser
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        public void OnRequest(ServerTransaction transaction, ReadOnlyMemory<byte> request)
        {
            Interlocked.Increment(ref _requests);
            transaction.SendResponse(200, Bytes("200"));
            answered.Signal();
        }

        public void OnAck(ServerInviteTransaction transaction, ReadOnlyMemory<byte> ack) => throw new InvalidOperationException("no INVITE here");

        public void OnAckTimeout(ServerInviteTransaction transaction) => throw new InvalidOperationException("no INVITE here");

        public void OnTransportError(ServerTransaction transaction) => throw new InvalidOperationException("the transport never fails");
    }

    private sealed class CountingTransport : ITransactionTransport
    {
        public bool IsReliable => false;

        public bool Send(ReadOnlyMemory<byte> message) => true;
    }
}
