using Switchboard.Transaction.Server;
using Switchboard.Transaction.Tests.Doubles;
using static Switchboard.Transaction.Tests.Doubles.Harness;

namespace Switchboard.Transaction.Tests.Infrastructure;

public sealed class ServerTransactionLayerTests : IDisposable
{
    // The object form of completed transactions: they stay in the table for Timer J.
    private readonly Harness _h = new(o => { o.Server.Limit = 2; o.Server.CompletedBytes = 0; });
    private readonly RecordingServerUser _user = new();
    private readonly ServerTransactionLayer _layer;

    public ServerTransactionLayerTests() => _layer = new ServerTransactionLayer(_h.Context, _user);

    public void Dispose() => _h.Dispose();

    [Fact]
    public void NewRequest_CreatesATransaction_RetransmissionFindsIt()
    {
        var transport = _h.Transport(reliable: false);
        Assert.Equal(ServerReceiveResult.Created, _layer.Receive(ServerKey(), ServerRequestKind.Invite, Bytes("INVITE"), transport, out var tx));
        Assert.IsType<ServerInviteTransaction>(tx);
        Assert.Equal(ServerReceiveResult.Retransmission, _layer.Receive(ServerKey(), ServerRequestKind.Invite, Bytes("INVITE"), transport, out var again));
        Assert.Same(tx, again);
        Assert.Equal(["request INVITE"], _user.Events);
    }

    [Fact]
    public void Cancel_WithTheInvitesBranch_GetsItsOwnTransaction()
    {
        var transport = _h.Transport(reliable: false);
        _layer.Receive(ServerKey(), ServerRequestKind.Invite, Bytes("INVITE"), transport, out var invite);
        Assert.Equal(ServerReceiveResult.Created,
            _layer.Receive(ServerKey(method: "CANCEL"), ServerRequestKind.NonInvite, Bytes("CANCEL"), transport, out var cancel));
        Assert.IsType<ServerNonInviteTransaction>(cancel);
        Assert.NotSame(invite, cancel);

        // The caller finds the INVITE to cancel with the INVITE key built from the CANCEL's Via.
        Assert.True(_layer.TryFind(ServerKey(), out var target));
        Assert.Same(invite, target);
    }

    [Fact]
    public void AckForNon2xx_MatchesTheInvite_AckFor2xxDoesNot()
    {
        var transport = _h.Transport(reliable: true);
        _layer.Receive(ServerKey(), ServerRequestKind.Invite, Bytes("INVITE"), transport, out var tx);
        tx!.SendResponse(486, Bytes("486"));
        Assert.Equal(ServerReceiveResult.AckMatched, _layer.Receive(ServerKey(method: "ACK"), ServerRequestKind.Ack, Bytes("ACK"), transport, out _));
        Assert.True(tx.IsTerminated);

        Assert.Equal(ServerReceiveResult.AckUnmatched,
            _layer.Receive(ServerKey("z9hG4bK-ack-2xx", "ACK"), ServerRequestKind.Ack, Bytes("ACK"), transport, out var none));
        Assert.Null(none);
        Assert.Equal(0, _layer.Table.Count);
    }

    [Fact]
    public void OverTheLimit_NewRequestIsRefused_AndCounted()
    {
        var transport = _h.Transport(reliable: false);
        _layer.Receive(ServerKey("z9hG4bK-1"), ServerRequestKind.Invite, Bytes("INVITE"), transport, out _);
        _layer.Receive(ServerKey("z9hG4bK-2"), ServerRequestKind.NonInvite, Bytes("OPTIONS"), transport, out _);
        Assert.Equal(ServerReceiveResult.Refused,
            _layer.Receive(ServerKey("z9hG4bK-3"), ServerRequestKind.Invite, Bytes("INVITE"), transport, out var refused));
        Assert.Null(refused);
        Assert.Equal(1, _h.Context.Metrics.Refused);
        Assert.Equal(2, _user.Events.Count);

        // A retransmission of a live transaction is still served at the limit.
        Assert.Equal(ServerReceiveResult.Retransmission,
            _layer.Receive(ServerKey("z9hG4bK-1"), ServerRequestKind.Invite, Bytes("INVITE"), transport, out _));
    }

    [Fact]
    public void TerminatedTransactions_LeaveTheTable()
    {
        var transport = _h.Transport(reliable: false);
        _layer.Receive(ServerKey(method: "OPTIONS"), ServerRequestKind.NonInvite, Bytes("OPTIONS"), transport, out var tx);
        tx!.SendResponse(200, Bytes("200"));
        Assert.Equal(1, _layer.Table.Count);
        Assert.Equal(1, _h.Context.Metrics.Live(TransactionKind.ServerNonInvite));

        _h.Clock.RunToSeconds(32);
        Assert.Equal(0, _layer.Table.Count);
        Assert.Equal(0, _h.Context.Metrics.Live(TransactionKind.ServerNonInvite));

        // After Timer J the same request is new again.
        Assert.Equal(ServerReceiveResult.Created,
            _layer.Receive(ServerKey(method: "OPTIONS"), ServerRequestKind.NonInvite, Bytes("OPTIONS"), transport, out _));
    }

    [Fact]
    public void AnInviteAnswered2xx_LeavesTheLimit_ForTimerL()
    {
        var transport = _h.Transport(reliable: false);
        _layer.Receive(ServerKey("z9hG4bK-1"), ServerRequestKind.Invite, Bytes("INVITE"), transport, out var first);
        _layer.Receive(ServerKey("z9hG4bK-2"), ServerRequestKind.Invite, Bytes("INVITE"), transport, out _);
        first!.SendResponse(200, Bytes("200"));

        Assert.Equal(1, _layer.Table.SettledCount);
        Assert.Equal(ServerReceiveResult.Created,
            _layer.Receive(ServerKey("z9hG4bK-3"), ServerRequestKind.Invite, Bytes("INVITE"), transport, out _));
        Assert.Equal(ServerReceiveResult.Retransmission,
            _layer.Receive(ServerKey("z9hG4bK-1"), ServerRequestKind.Invite, Bytes("INVITE"), transport, out _));

        _h.Clock.RunToSeconds(32);
        Assert.Equal(0, _layer.Table.SettledCount);
        Assert.Equal(2, _layer.Table.Count);
    }
}
