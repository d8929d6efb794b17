using Switchboard.Transaction.Client;
using Switchboard.Transaction.Tests.Doubles;
using static Switchboard.Transaction.Tests.Doubles.Harness;

namespace Switchboard.Transaction.Tests.Machines;

public sealed class ClientInviteTransactionTests : IDisposable
{
    private readonly Harness _h = new();
    private readonly RecordingClientUser _user = new();
    private readonly RecordingAckBuilder _acks = new();

    public void Dispose() => _h.Dispose();

    private (ClientInviteTransaction Tx, RecordingTransport Transport) Start(bool reliable)
    {
        var transport = _h.Transport(reliable);
        var tx = new ClientInviteTransaction(ClientKey(), Bytes("INVITE"), transport, _user, _acks, _h.Context);
        tx.Start();
        return (tx, transport);
    }

    [Fact]
    public void Calling_OverUdp_TimerARetransmitsAtDoublingIntervals_UntilTimerB()
    {
        var (tx, transport) = Start(reliable: false);
        Assert.Equal(ClientInviteState.Calling, tx.State);

        _h.Clock.RunToSeconds(31.99);
        Assert.Equal([0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5], transport.SentAtSeconds);
        Assert.Empty(_user.Events);

        _h.Clock.RunToSeconds(32);
        Assert.Equal(ClientInviteState.Terminated, tx.State);
        Assert.Equal(["timeout"], _user.Events);
        Assert.Equal(6, _h.Context.Metrics.RetransmissionsSent);
        Assert.Equal(1, _h.Context.Metrics.Timeouts);
    }

    [Fact]
    public void Calling_OverTcp_SendsOnce_AndTimerBTimesOut()
    {
        var (tx, transport) = Start(reliable: true);
        _h.Clock.RunToSeconds(31.99);
        Assert.Equal(1, transport.Count);
        Assert.False(tx.IsTerminated);

        _h.Clock.RunToSeconds(32);
        Assert.True(tx.IsTerminated);
        Assert.Equal(["timeout"], _user.Events);
    }

    [Fact]
    public void TimerB_FollowsT1Option()
    {
        using var h = new Harness(o => o.T1 = TimeSpan.FromMilliseconds(100));
        var transport = h.Transport(reliable: false);
        var tx = new ClientInviteTransaction(ClientKey(), Bytes("INVITE"), transport, _user, _acks, h.Context);
        tx.Start();
        h.Clock.RunToSeconds(6.39);
        Assert.False(tx.IsTerminated);
        Assert.Equal([0, 0.1, 0.3, 0.7, 1.5, 3.1, 6.3], transport.SentAtSeconds);
        h.Clock.RunToSeconds(6.4);
        Assert.True(tx.IsTerminated);
    }

    [Fact]
    public void Provisional_EntersProceeding_StopsTimerA_AndTimerB()
    {
        var (tx, transport) = Start(reliable: false);
        _h.Clock.RunToSeconds(0.7);
        tx.ReceiveResponse(180, Bytes("180"));
        tx.ReceiveResponse(183, Bytes("183"));

        Assert.Equal(ClientInviteState.Proceeding, tx.State);
        _h.Clock.RunToSeconds(70);
        Assert.Equal([0, 0.5], transport.SentAtSeconds);
        Assert.Equal(["provisional 180 180", "provisional 183 183"], _user.Events);
        Assert.False(tx.IsTerminated);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(486)]
    [InlineData(699)]
    public void FinalNon2xx_EntersCompleted_SendsAck_AndTellsTuOnce(int status)
    {
        var (tx, transport) = Start(reliable: false);
        tx.ReceiveResponse(status, Bytes("R"));

        Assert.Equal(ClientInviteState.Completed, tx.State);
        Assert.Equal(["INVITE", "ACK(INVITE|R)"], transport.Sent);
        Assert.Equal([$"final {status} R"], _user.Events);
    }

    [Fact]
    public void Completed_ResponseRetransmissions_AreAckedAgain_UntilTimerD()
    {
        var (tx, transport) = Start(reliable: false);
        _h.Clock.RunToSeconds(0.2);
        tx.ReceiveResponse(180, Bytes("180"));
        tx.ReceiveResponse(486, Bytes("486"));
        _h.Clock.RunToSeconds(10);
        tx.ReceiveResponse(486, Bytes("486"));

        Assert.Equal(["INVITE", "ACK(INVITE|486)", "ACK(INVITE|486)"], transport.Sent);
        Assert.Equal(1, _acks.Calls);
        Assert.Equal(["provisional 180 180", "final 486 486"], _user.Events);

        _h.Clock.RunToSeconds(32.19);
        Assert.Equal(ClientInviteState.Completed, tx.State);
        _h.Clock.RunToSeconds(32.2);
        Assert.Equal(ClientInviteState.Terminated, tx.State);
    }

    [Fact]
    public void Completed_OverTcp_TerminatesAtOnce()
    {
        var (tx, transport) = Start(reliable: true);
        tx.ReceiveResponse(503, Bytes("503"));
        Assert.Equal(ClientInviteState.Terminated, tx.State);
        Assert.Equal(["INVITE", "ACK(INVITE|503)"], transport.Sent);
        Assert.Equal(["final 503 503"], _user.Events);
    }

    [Fact]
    public void Success_EntersAccepted_RetransmittedSuccessGoesToTu_UntilTimerM()
    {
        var (tx, transport) = Start(reliable: false);
        tx.ReceiveResponse(200, Bytes("200a"));
        Assert.Equal(ClientInviteState.Accepted, tx.State);
        _h.Clock.RunToSeconds(1);
        tx.ReceiveResponse(200, Bytes("200a"));
        tx.ReceiveResponse(200, Bytes("200b"));
        tx.ReceiveResponse(486, Bytes("486"));
        tx.ReceiveResponse(180, Bytes("180"));

        Assert.Equal(["INVITE"], transport.Sent);
        Assert.Equal(["final 200 200a", "final 200 200a", "final 200 200b"], _user.Events);

        _h.Clock.RunToSeconds(31.99);
        Assert.Equal(ClientInviteState.Accepted, tx.State);
        _h.Clock.RunToSeconds(32);
        Assert.Equal(ClientInviteState.Terminated, tx.State);
        tx.ReceiveResponse(200, Bytes("late"));
        Assert.Equal(3, _user.Events.Count);
    }

    [Fact]
    public void Proceeding_Success_EntersAccepted()
    {
        var (tx, _) = Start(reliable: true);
        tx.ReceiveResponse(100, Bytes("100"));
        tx.ReceiveResponse(200, Bytes("200"));
        Assert.Equal(ClientInviteState.Accepted, tx.State);
        Assert.Equal(["provisional 100 100", "final 200 200"], _user.Events);
    }

    [Fact]
    public void SendFailureAtStart_TerminatesAndInformsTu()
    {
        var transport = _h.Transport(reliable: false);
        transport.Fail = true;
        var tx = new ClientInviteTransaction(ClientKey(), Bytes("INVITE"), transport, _user, _acks, _h.Context);
        tx.Start();
        Assert.Equal(ClientInviteState.Terminated, tx.State);
        Assert.Equal(["transport-error"], _user.Events);
        Assert.Equal(1, _h.Context.Metrics.TransportErrors);
        _h.Clock.RunToSeconds(40);
        Assert.Equal(["transport-error"], _user.Events);
    }

    [Fact]
    public void RetransmissionFailure_TerminatesAndInformsTu()
    {
        var (tx, transport) = Start(reliable: false);
        transport.Fail = true;
        _h.Clock.RunToSeconds(0.5);
        Assert.Equal(ClientInviteState.Terminated, tx.State);
        Assert.Equal(["transport-error"], _user.Events);
    }

    [Fact]
    public void ReportedTransportError_InProceeding_Terminates()
    {
        var (tx, _) = Start(reliable: true);
        tx.ReceiveResponse(180, Bytes("180"));
        tx.OnTransportError();
        Assert.Equal(ClientInviteState.Terminated, tx.State);
        Assert.Equal(["provisional 180 180", "transport-error"], _user.Events);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(99)]
    [InlineData(700)]
    [InlineData(-1)]
    public void InvalidStatusCodes_AreIgnored(int status)
    {
        var (tx, _) = Start(reliable: true);
        tx.ReceiveResponse(status, Bytes("x"));
        Assert.Equal(ClientInviteState.Calling, tx.State);
        Assert.Empty(_user.Events);
    }

    [Fact]
    public void StartTwice_Throws()
    {
        var (tx, _) = Start(reliable: true);
        Assert.Throws<InvalidOperationException>(tx.Start);
    }

    [Fact]
    public void LiveCount_FollowsTheTransaction()
    {
        var (tx, _) = Start(reliable: true);
        Assert.Equal(1, _h.Context.Metrics.Live(TransactionKind.ClientInvite));
        tx.ReceiveResponse(404, Bytes("404"));
        Assert.Equal(0, _h.Context.Metrics.Live(TransactionKind.ClientInvite));
        Assert.Equal(1, _h.Context.Metrics.Started(TransactionKind.ClientInvite));
    }

    [Fact]
    public void AckSendFailure_TuGetsTheFinalResponse_ThenTheTransportError()
    {
        var (tx, transport) = Start(reliable: false);
        transport.Fail = true;
        tx.ReceiveResponse(404, Bytes("404"));
        Assert.Equal(ClientInviteState.Terminated, tx.State);
        Assert.Equal(["final 404 404", "transport-error"], _user.Events);
    }

    [Fact]
    public void TuCallbacks_RunOutsideTheTransactionLock()
    {
        ClientInviteTransaction? tx = null;
        var otherThreadGotIn = false;
        var user = new CallbackUser(() =>
        {
            // Another thread feeds the same transaction; it would block if the lock were held here.
            var other = new Thread(() => tx!.ReceiveResponse(180, Bytes("180")));
            other.Start();
            otherThreadGotIn = other.Join(TimeSpan.FromSeconds(10));
        });
        tx = new ClientInviteTransaction(ClientKey(), Bytes("INVITE"), _h.Transport(true), user, _acks, _h.Context);
        tx.Start();
        tx.ReceiveResponse(183, Bytes("183"));
        Assert.True(otherThreadGotIn);
        // The 180 queued by the other thread was delivered by this thread's flush, after the 183.
        Assert.Equal(2, user.Calls);
    }

    private sealed class CallbackUser(Action onFirstProvisional) : IClientTransactionUser
    {
        public int Calls { get; private set; }

        public void OnProvisional(ClientTransaction transaction, int statusCode, ReadOnlyMemory<byte> response)
        {
            if (++Calls == 1) onFirstProvisional();
        }

        public void OnFinal(ClientTransaction transaction, int statusCode, ReadOnlyMemory<byte> response) => Calls++;

        public void OnTimeout(ClientTransaction transaction) => Calls++;

        public void OnTransportError(ClientTransaction transaction) => Calls++;
    }
}
