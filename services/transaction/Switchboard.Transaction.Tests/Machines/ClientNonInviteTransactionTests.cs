using Switchboard.Transaction.Client;
using Switchboard.Transaction.Tests.Doubles;
using static Switchboard.Transaction.Tests.Doubles.Harness;

namespace Switchboard.Transaction.Tests.Machines;

public sealed class ClientNonInviteTransactionTests : IDisposable
{
    private readonly Harness _h = new();
    private readonly RecordingClientUser _user = new();

    public void Dispose() => _h.Dispose();

    private (ClientNonInviteTransaction Tx, RecordingTransport Transport) Start(bool reliable, Harness? harness = null)
    {
        var h = harness ?? _h;
        var transport = h.Transport(reliable);
        var tx = new ClientNonInviteTransaction(ClientKey(method: "OPTIONS"), Bytes("OPTIONS"), transport, _user, h.Context);
        tx.Start();
        return (tx, transport);
    }

    [Fact]
    public void Trying_OverUdp_TimerEBacksOffCappedAtT2_UntilTimerF()
    {
        var (tx, transport) = Start(reliable: false);
        _h.Clock.RunToSeconds(31.99);
        Assert.Equal(ClientNonInviteState.Trying, tx.State);
        // 0.5, 1, 2, 4, then every T2 = 4 s.
        Assert.Equal([0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5], transport.SentAtSeconds);

        _h.Clock.RunToSeconds(32);
        Assert.Equal(ClientNonInviteState.Terminated, tx.State);
        Assert.Equal(["timeout"], _user.Events);
        Assert.Equal(1, _h.Context.Metrics.Timeouts);
    }

    [Fact]
    public void TimerE_CapFollowsT2Option()
    {
        using var h = new Harness(o => o.T2 = TimeSpan.FromSeconds(1));
        var (_, transport) = Start(reliable: false, h);
        h.Clock.RunToSeconds(5);
        Assert.Equal([0, 0.5, 1.5, 2.5, 3.5, 4.5], transport.SentAtSeconds);
    }

    [Fact]
    public void Proceeding_RetransmitsEveryT2_AndTimerFStillTimesOut()
    {
        var (tx, transport) = Start(reliable: false);
        _h.Clock.RunToSeconds(0.7);
        tx.ReceiveResponse(100, Bytes("100"));
        Assert.Equal(ClientNonInviteState.Proceeding, tx.State);

        _h.Clock.RunToSeconds(31.99);
        // Timer E armed in Trying fires at 1.5 s, then every T2.
        Assert.Equal([0, 0.5, 1.5, 5.5, 9.5, 13.5, 17.5, 21.5, 25.5, 29.5], transport.SentAtSeconds);
        _h.Clock.RunToSeconds(32);
        Assert.Equal(["provisional 100 100", "timeout"], _user.Events);
        Assert.True(tx.IsTerminated);
    }

    [Fact]
    public void Trying_OverTcp_NoRetransmissions_TimerFTimesOut()
    {
        var (tx, transport) = Start(reliable: true);
        _h.Clock.RunToSeconds(32);
        Assert.Equal(1, transport.Count);
        Assert.True(tx.IsTerminated);
        Assert.Equal(["timeout"], _user.Events);
    }

    [Fact]
    public void Final_OverUdp_EntersCompleted_AbsorbsRetransmissions_UntilTimerK()
    {
        var (tx, transport) = Start(reliable: false);
        _h.Clock.RunToSeconds(0.2);
        tx.ReceiveResponse(200, Bytes("200"));
        Assert.Equal(ClientNonInviteState.Completed, tx.State);
        tx.ReceiveResponse(200, Bytes("200"));
        tx.ReceiveResponse(180, Bytes("180"));

        _h.Clock.RunToSeconds(5.19);
        Assert.Equal(ClientNonInviteState.Completed, tx.State);
        Assert.Equal(1, transport.Count);
        _h.Clock.RunToSeconds(5.2);
        Assert.Equal(ClientNonInviteState.Terminated, tx.State);
        Assert.Equal(["final 200 200"], _user.Events);
    }

    [Fact]
    public void Final_OverTcp_TerminatesAtOnce()
    {
        var (tx, _) = Start(reliable: true);
        tx.ReceiveResponse(404, Bytes("404"));
        Assert.Equal(ClientNonInviteState.Terminated, tx.State);
        Assert.Equal(["final 404 404"], _user.Events);
    }

    [Fact]
    public void Proceeding_Final_EntersCompleted()
    {
        var (tx, _) = Start(reliable: false);
        tx.ReceiveResponse(180, Bytes("180"));
        tx.ReceiveResponse(202, Bytes("202"));
        Assert.Equal(ClientNonInviteState.Completed, tx.State);
        Assert.Equal(["provisional 180 180", "final 202 202"], _user.Events);
    }

    [Fact]
    public void TransportError_TerminatesAndInformsTu()
    {
        var (tx, transport) = Start(reliable: false);
        transport.Fail = true;
        _h.Clock.RunToSeconds(0.5);
        Assert.True(tx.IsTerminated);
        Assert.Equal(["transport-error"], _user.Events);
        _h.Clock.RunToSeconds(40);
        Assert.Equal(["transport-error"], _user.Events);
    }

    [Fact]
    public void ReportedTransportError_InTrying_Terminates()
    {
        var (tx, _) = Start(reliable: true);
        tx.OnTransportError();
        Assert.True(tx.IsTerminated);
        Assert.Equal(["transport-error"], _user.Events);
        Assert.Equal(0, _h.Context.Metrics.Live(TransactionKind.ClientNonInvite));
    }
}
