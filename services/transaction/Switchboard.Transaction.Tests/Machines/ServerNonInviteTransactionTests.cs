using Switchboard.Transaction.Server;
using Switchboard.Transaction.Tests.Doubles;
using static Switchboard.Transaction.Tests.Doubles.Harness;

namespace Switchboard.Transaction.Tests.Machines;

public sealed class ServerNonInviteTransactionTests : IDisposable
{
    private readonly Harness _h = new();
    private readonly RecordingServerUser _user = new();

    public void Dispose() => _h.Dispose();

    private (ServerNonInviteTransaction Tx, RecordingTransport Transport) Start(bool reliable)
    {
        var transport = _h.Transport(reliable);
        var tx = new ServerNonInviteTransaction(ServerKey(method: "REGISTER"), Bytes("REGISTER"), transport, _user, _h.Context);
        tx.Start();
        return (tx, transport);
    }

    [Fact]
    public void Trying_PassesRequestToTu_AndAbsorbsRetransmissions()
    {
        var (tx, transport) = Start(reliable: false);
        tx.ReceiveRequest(Bytes("REGISTER"));
        tx.ReceiveRequest(Bytes("REGISTER"));
        Assert.Equal(ServerNonInviteState.Trying, tx.State);
        Assert.Equal(0, transport.Count);
        Assert.Equal(["request REGISTER"], _user.Events);
    }

    [Fact]
    public void Proceeding_ResendsLastProvisional()
    {
        var (tx, transport) = Start(reliable: false);
        Assert.True(tx.SendResponse(100, Bytes("100")));
        Assert.Equal(ServerNonInviteState.Proceeding, tx.State);
        tx.ReceiveRequest(Bytes("REGISTER"));
        Assert.Equal(["100", "100"], transport.Sent);
    }

    [Fact]
    public void Completed_OverUdp_ResendsFinal_UntilTimerJ()
    {
        var (tx, transport) = Start(reliable: false);
        tx.SendResponse(100, Bytes("100"));
        Assert.True(tx.SendResponse(200, Bytes("200")));
        Assert.Equal(ServerNonInviteState.Completed, tx.State);
        tx.ReceiveRequest(Bytes("REGISTER"));
        Assert.Equal(["100", "200", "200"], transport.Sent);

        _h.Clock.RunToSeconds(31.99);
        tx.ReceiveRequest(Bytes("REGISTER"));
        Assert.Equal(4, transport.Count);
        Assert.Equal(ServerNonInviteState.Completed, tx.State);
        _h.Clock.RunToSeconds(32);
        Assert.Equal(ServerNonInviteState.Terminated, tx.State);
        tx.ReceiveRequest(Bytes("REGISTER"));
        Assert.Equal(4, transport.Count);
    }

    [Fact]
    public void Completed_OverTcp_TerminatesAtOnce()
    {
        var (tx, transport) = Start(reliable: true);
        tx.SendResponse(401, Bytes("401"));
        Assert.Equal(ServerNonInviteState.Terminated, tx.State);
        Assert.Equal(["401"], transport.Sent);
    }

    [Fact]
    public void Trying_FinalDirectly_EntersCompleted_AndRefusesMore()
    {
        var (tx, transport) = Start(reliable: false);
        Assert.True(tx.SendResponse(403, Bytes("403")));
        Assert.False(tx.SendResponse(200, Bytes("200")));
        Assert.False(tx.SendResponse(100, Bytes("100")));
        Assert.Equal(["403"], transport.Sent);
        Assert.Equal(Bytes("403").ToArray(), tx.LastResponse.ToArray());
    }

    [Fact]
    public void SendFailure_TerminatesAndInformsTu()
    {
        var (tx, transport) = Start(reliable: false);
        transport.Fail = true;
        tx.SendResponse(200, Bytes("200"));
        Assert.Equal(ServerNonInviteState.Terminated, tx.State);
        Assert.Equal(["request REGISTER", "transport-error"], _user.Events);
        _h.Clock.RunToSeconds(40);
        Assert.Equal(0, _h.Context.Metrics.Live(TransactionKind.ServerNonInvite));
    }

    [Fact]
    public void ReportedTransportError_InTrying_Terminates()
    {
        var (tx, _) = Start(reliable: true);
        tx.OnTransportError();
        Assert.True(tx.IsTerminated);
        Assert.Equal(["request REGISTER", "transport-error"], _user.Events);
    }
}
