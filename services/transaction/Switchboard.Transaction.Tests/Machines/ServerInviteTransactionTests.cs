using Switchboard.Transaction.Server;
using Switchboard.Transaction.Tests.Doubles;
using static Switchboard.Transaction.Tests.Doubles.Harness;

namespace Switchboard.Transaction.Tests.Machines;

public sealed class ServerInviteTransactionTests : IDisposable
{
    private readonly Harness _h = new();
    private readonly RecordingServerUser _user = new();
    private readonly RecordingTryingBuilder _trying = new();

    public void Dispose() => _h.Dispose();

    private (ServerInviteTransaction Tx, RecordingTransport Transport) Start(bool reliable, ITryingBuilder? trying = null, Harness? harness = null)
    {
        var h = harness ?? _h;
        var transport = h.Transport(reliable);
        var tx = new ServerInviteTransaction(ServerKey(), Bytes("INVITE"), transport, _user, h.Context, trying);
        tx.Start();
        return (tx, transport);
    }

    [Fact]
    public void Start_PassesInviteToTu_InProceeding()
    {
        var (tx, transport) = Start(reliable: false);
        Assert.Equal(ServerInviteState.Proceeding, tx.State);
        Assert.Equal(["request INVITE"], _user.Events);
        Assert.Equal(0, transport.Count);
    }

    [Fact]
    public void AutoTrying_SentAfter200ms_WhenTuIsSilent()
    {
        var (tx, transport) = Start(reliable: false, _trying);
        _h.Clock.RunToSeconds(0.19);
        Assert.Equal(0, transport.Count);
        _h.Clock.RunToSeconds(0.2);
        Assert.Equal(["100(INVITE)"], transport.Sent);

        // An INVITE retransmission gets the 100 again.
        tx.ReceiveRequest(Bytes("INVITE"));
        Assert.Equal(["100(INVITE)", "100(INVITE)"], transport.Sent);
    }

    [Fact]
    public void AutoTrying_NotSent_WhenTuAnsweredFirst()
    {
        var (tx, transport) = Start(reliable: false, _trying);
        _h.Clock.RunToSeconds(0.1);
        Assert.True(tx.SendResponse(180, Bytes("180")));
        _h.Clock.RunToSeconds(1);
        Assert.Equal(["180"], transport.Sent);
        Assert.Equal(0, _trying.Calls);
    }

    [Fact]
    public void AutoTrying_Off_SendsNothing()
    {
        using var h = new Harness(o => o.AutoTrying = false);
        var (_, transport) = Start(reliable: false, _trying, h);
        h.Clock.RunToSeconds(1);
        Assert.Equal(0, transport.Count);
    }

    [Fact]
    public void Proceeding_InviteRetransmission_ResendsLastProvisional_OrNothing()
    {
        var (tx, transport) = Start(reliable: false);
        tx.ReceiveRequest(Bytes("INVITE"));
        Assert.Equal(0, transport.Count);

        tx.SendResponse(180, Bytes("180"));
        tx.SendResponse(183, Bytes("183"));
        tx.ReceiveRequest(Bytes("INVITE"));
        Assert.Equal(["180", "183", "183"], transport.Sent);
        Assert.Equal(["request INVITE"], _user.Events);
        Assert.Equal(1, _h.Context.Metrics.RetransmissionsSent);
    }

    [Fact]
    public void Completed_OverUdp_TimerGBacksOffCappedAtT2_TimerHTellsTuNoAck()
    {
        var (tx, transport) = Start(reliable: false);
        Assert.True(tx.SendResponse(486, Bytes("486")));
        Assert.Equal(ServerInviteState.Completed, tx.State);

        _h.Clock.RunToSeconds(31.99);
        Assert.Equal([0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5], transport.SentAtSeconds);
        Assert.All(transport.Sent, s => Assert.Equal("486", s));

        _h.Clock.RunToSeconds(32);
        Assert.Equal(ServerInviteState.Terminated, tx.State);
        Assert.Equal(["request INVITE", "ack-timeout"], _user.Events);
        Assert.Equal(1, _h.Context.Metrics.Timeouts);
    }

    [Fact]
    public void Completed_OverTcp_NoTimerG_TimerHStillRuns()
    {
        var (tx, transport) = Start(reliable: true);
        tx.SendResponse(603, Bytes("603"));
        _h.Clock.RunToSeconds(31.99);
        Assert.Equal(1, transport.Count);
        _h.Clock.RunToSeconds(32);
        Assert.True(tx.IsTerminated);
        Assert.Equal(["request INVITE", "ack-timeout"], _user.Events);
    }

    [Fact]
    public void Completed_InviteRetransmission_ResendsFinal()
    {
        var (tx, transport) = Start(reliable: true);
        tx.SendResponse(404, Bytes("404"));
        tx.ReceiveRequest(Bytes("INVITE"));
        Assert.Equal(["404", "404"], transport.Sent);
        Assert.Equal(ServerInviteState.Completed, tx.State);
    }

    [Fact]
    public void Completed_RejectsFurtherResponses()
    {
        var (tx, transport) = Start(reliable: true);
        tx.SendResponse(404, Bytes("404"));
        Assert.False(tx.SendResponse(200, Bytes("200")));
        Assert.False(tx.SendResponse(180, Bytes("180")));
        Assert.Equal(["404"], transport.Sent);
    }

    [Fact]
    public void Ack_OverUdp_EntersConfirmed_StopsTimerG_AbsorbsUntilTimerI()
    {
        var (tx, transport) = Start(reliable: false);
        tx.SendResponse(486, Bytes("486"));
        _h.Clock.RunToSeconds(0.7);
        tx.ReceiveAck(Bytes("ACK"));
        Assert.Equal(ServerInviteState.Confirmed, tx.State);

        tx.ReceiveAck(Bytes("ACK"));
        tx.ReceiveRequest(Bytes("INVITE"));
        _h.Clock.RunToSeconds(5.69);
        Assert.Equal([0, 0.5], transport.SentAtSeconds);
        Assert.Equal(ServerInviteState.Confirmed, tx.State);

        _h.Clock.RunToSeconds(5.7);
        Assert.Equal(ServerInviteState.Terminated, tx.State);
        _h.Clock.RunToSeconds(40);
        Assert.Equal(["request INVITE"], _user.Events);
    }

    [Fact]
    public void Ack_OverTcp_TerminatesAtOnce()
    {
        var (tx, _) = Start(reliable: true);
        tx.SendResponse(486, Bytes("486"));
        tx.ReceiveAck(Bytes("ACK"));
        Assert.Equal(ServerInviteState.Terminated, tx.State);
    }

    [Fact]
    public void Ack_InProceeding_IsIgnored()
    {
        var (tx, _) = Start(reliable: true);
        tx.ReceiveAck(Bytes("ACK"));
        Assert.Equal(ServerInviteState.Proceeding, tx.State);
        Assert.Equal(["request INVITE"], _user.Events);
    }

    [Fact]
    public void Success_EntersAccepted_AbsorbsInvites_SendsTu2xxRetransmissions_UntilTimerL()
    {
        var (tx, transport) = Start(reliable: false);
        tx.SendResponse(180, Bytes("180"));
        Assert.True(tx.SendResponse(200, Bytes("200")));
        Assert.Equal(ServerInviteState.Accepted, tx.State);

        tx.ReceiveRequest(Bytes("INVITE"));
        _h.Clock.RunToSeconds(0.5);
        Assert.True(tx.SendResponse(200, Bytes("200")));
        Assert.False(tx.SendResponse(486, Bytes("486")));
        Assert.False(tx.SendResponse(183, Bytes("183")));
        Assert.Equal(["180", "200", "200"], transport.Sent);

        _h.Clock.RunToSeconds(31.99);
        Assert.Equal(["180", "200", "200"], transport.Sent);
        Assert.Equal(ServerInviteState.Accepted, tx.State);
        _h.Clock.RunToSeconds(32);
        Assert.Equal(ServerInviteState.Terminated, tx.State);
        Assert.False(tx.SendResponse(200, Bytes("200")));
    }

    [Fact]
    public void Accepted_AckGoesToTu()
    {
        var (tx, _) = Start(reliable: false);
        tx.SendResponse(200, Bytes("200"));
        tx.ReceiveAck(Bytes("ACK-2xx"));
        Assert.Equal(ServerInviteState.Accepted, tx.State);
        Assert.Equal(["request INVITE", "ack ACK-2xx"], _user.Events);
    }

    [Fact]
    public void Proceeding_SendFailure_TerminatesAndInformsTu()
    {
        var (tx, transport) = Start(reliable: false);
        transport.Fail = true;
        Assert.True(tx.SendResponse(180, Bytes("180")));
        Assert.Equal(ServerInviteState.Terminated, tx.State);
        Assert.Equal(["request INVITE", "transport-error"], _user.Events);
    }

    [Fact]
    public void Completed_TimerGSendFailure_TerminatesAndInformsTu()
    {
        var (tx, transport) = Start(reliable: false);
        tx.SendResponse(500, Bytes("500"));
        transport.Fail = true;
        _h.Clock.RunToSeconds(0.5);
        Assert.Equal(ServerInviteState.Terminated, tx.State);
        Assert.Equal(["request INVITE", "transport-error"], _user.Events);
        Assert.Equal(0, _h.Context.Metrics.Live(TransactionKind.ServerInvite));
    }

    [Fact]
    public void Accepted_TransportError_InformsTu_AndStaysUntilTimerL()
    {
        var (tx, _) = Start(reliable: true);
        tx.SendResponse(200, Bytes("200"));
        tx.OnTransportError();
        Assert.Equal(ServerInviteState.Accepted, tx.State);
        Assert.Equal(["request INVITE", "transport-error"], _user.Events);
        _h.Clock.RunToSeconds(32);
        Assert.True(tx.IsTerminated);
    }

    [Fact]
    public void TuMayAnswerFromInsideOnRequest()
    {
        _user.OnRequestReceived = tx => tx.SendResponse(100, Bytes("100"));
        var (tx, transport) = Start(reliable: true);
        Assert.Equal(["100"], transport.Sent);
        Assert.Equal(ServerInviteState.Proceeding, tx.State);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(700)]
    public void InvalidStatus_IsRefused(int status)
    {
        var (tx, transport) = Start(reliable: true);
        Assert.False(tx.SendResponse(status, Bytes("x")));
        Assert.Equal(0, transport.Count);
    }
}
