using Switchboard.Transaction.Client;
using Switchboard.Transaction.Tests.Doubles;
using static Switchboard.Transaction.Tests.Doubles.Harness;

namespace Switchboard.Transaction.Tests.Infrastructure;

public sealed class ClientTransactionLayerTests : IDisposable
{
    private readonly Harness _h = new(o => o.Client.Limit = 2);
    private readonly RecordingClientUser _user = new();
    private readonly ClientTransactionLayer _layer;

    public ClientTransactionLayerTests() => _layer = new ClientTransactionLayer(_h.Context, new RecordingAckBuilder());

    public void Dispose() => _h.Dispose();

    [Fact]
    public void Start_SendsAndStores_ResponsesMatchByBranchAndMethod()
    {
        var transport = _h.Transport(reliable: true);
        Assert.Equal(ClientStartResult.Started, _layer.Start(ClientKey(), isInvite: true, Bytes("INVITE"), transport, _user, out var tx));
        Assert.IsType<ClientInviteTransaction>(tx);
        Assert.Equal(["INVITE"], transport.Sent);

        Assert.False(_layer.ReceiveResponse(ClientKey(method: "CANCEL"), 200, Bytes("200")));
        Assert.True(_layer.ReceiveResponse(ClientKey(), 180, Bytes("180")));
        Assert.Equal(["provisional 180 180"], _user.Events);
    }

    [Fact]
    public void Start_DuplicateKey_SendsNothing()
    {
        var transport = _h.Transport(reliable: true);
        _layer.Start(ClientKey(), isInvite: false, Bytes("OPTIONS"), transport, _user, out _);
        Assert.Equal(ClientStartResult.Duplicate, _layer.Start(ClientKey(), isInvite: false, Bytes("OPTIONS"), transport, _user, out var dup));
        Assert.Null(dup);
        Assert.Equal(1, transport.Count);
    }

    [Fact]
    public void Start_OverTheLimit_IsRefused()
    {
        var transport = _h.Transport(reliable: true);
        _layer.Start(ClientKey("z9hG4bK-a"), isInvite: false, Bytes("A"), transport, _user, out _);
        _layer.Start(ClientKey("z9hG4bK-b"), isInvite: false, Bytes("B"), transport, _user, out _);
        Assert.Equal(ClientStartResult.Refused, _layer.Start(ClientKey("z9hG4bK-c"), isInvite: false, Bytes("C"), transport, _user, out _));
        Assert.Equal(["A", "B"], transport.Sent);
        Assert.Equal(1, _h.Context.Metrics.Refused);
    }

    [Fact]
    public void Accepted_2xxRetransmissionsMatch_UntilTimerM_ThenTheCallerForwardsStatelessly()
    {
        var transport = _h.Transport(reliable: false);
        _layer.Start(ClientKey(), isInvite: true, Bytes("INVITE"), transport, _user, out _);
        Assert.True(_layer.ReceiveResponse(ClientKey(), 200, Bytes("200")));
        _h.Clock.RunToSeconds(31.99);
        Assert.True(_layer.ReceiveResponse(ClientKey(), 200, Bytes("200")));
        _h.Clock.RunToSeconds(32);
        Assert.False(_layer.ReceiveResponse(ClientKey(), 200, Bytes("200")));
        Assert.Equal(0, _layer.Table.Count);
        Assert.Equal(["final 200 200", "final 200 200"], _user.Events);
    }

    [Fact]
    public void AnsweredTransactions_LeaveTheLimit_UntilTheirTimersEnd()
    {
        var transport = _h.Transport(reliable: false);
        _layer.Start(ClientKey("z9hG4bK-a"), isInvite: true, Bytes("A"), transport, _user, out _);
        _layer.Start(ClientKey("z9hG4bK-b", method: "BYE"), isInvite: false, Bytes("B"), transport, _user, out _);
        Assert.Equal(ClientStartResult.Refused, _layer.Start(ClientKey("z9hG4bK-c"), isInvite: true, Bytes("C"), transport, _user, out _));

        _layer.ReceiveResponse(ClientKey("z9hG4bK-a"), 200, Bytes("200"));          // Accepted: Timer M, 32 s
        _layer.ReceiveResponse(ClientKey("z9hG4bK-b", method: "BYE"), 200, Bytes("200")); // Completed: Timer K, 5 s

        Assert.Equal(2, _layer.Table.SettledCount);
        Assert.Equal(ClientStartResult.Started, _layer.Start(ClientKey("z9hG4bK-c"), isInvite: true, Bytes("C"), transport, _user, out _));
        Assert.Equal(ClientStartResult.Started, _layer.Start(ClientKey("z9hG4bK-d"), isInvite: true, Bytes("D"), transport, _user, out _));
        Assert.Equal(ClientStartResult.Refused, _layer.Start(ClientKey("z9hG4bK-e"), isInvite: true, Bytes("E"), transport, _user, out _));
        Assert.True(_layer.ReceiveResponse(ClientKey("z9hG4bK-a"), 200, Bytes("200"))); // still absorbs retransmissions

        _h.Clock.RunToSeconds(5);
        Assert.Equal(1, _layer.Table.SettledCount);
        Assert.Equal(3, _layer.Table.Count);
    }

    [Fact]
    public void AFailureOverUdp_LeavesTheLimit_ForTimerD()
    {
        var transport = _h.Transport(reliable: false);
        _layer.Start(ClientKey("z9hG4bK-a"), isInvite: true, Bytes("A"), transport, _user, out _);
        _layer.Start(ClientKey("z9hG4bK-b"), isInvite: true, Bytes("B"), transport, _user, out _);
        _layer.ReceiveResponse(ClientKey("z9hG4bK-a"), 486, Bytes("486"));

        Assert.Equal(1, _layer.Table.SettledCount);
        Assert.Equal(ClientStartResult.Started, _layer.Start(ClientKey("z9hG4bK-c"), isInvite: true, Bytes("C"), transport, _user, out _));
    }

    [Fact]
    public void OverReliableTransports_AnsweredNonInvites_EndAtOnce()
    {
        var transport = _h.Transport(reliable: true);
        _layer.Start(ClientKey("z9hG4bK-a", method: "BYE"), isInvite: false, Bytes("A"), transport, _user, out _);
        _layer.ReceiveResponse(ClientKey("z9hG4bK-a", method: "BYE"), 200, Bytes("200"));

        Assert.Equal(0, _layer.Table.Count);
        Assert.Equal(0, _layer.Table.SettledCount);
    }
}
