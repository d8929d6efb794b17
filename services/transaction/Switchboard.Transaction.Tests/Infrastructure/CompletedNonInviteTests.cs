using System.Runtime.InteropServices;
using Switchboard.Transaction.Server;
using Switchboard.Transaction.Tests.Doubles;
using static Switchboard.Transaction.Tests.Doubles.Harness;

namespace Switchboard.Transaction.Tests.Infrastructure;

/// <summary>
/// A non-INVITE server transaction in Completed over UDP keeps only its final response (RFC 3261 §17.2.2: request
/// retransmissions get it again until Timer J) and leaves the in-progress count, so Timer J's 32 s cause no 503s.
/// These cover the object form (no completed-response store, <c>CompletedBytes = 0</c>); SettledResponsesTests
/// cover the store.
/// </summary>
public sealed class CompletedNonInviteTests : IDisposable
{
    private readonly Harness _h = new(o =>
    {
        o.Server.Limit = 1;
        o.Server.CompletedLimit = 2;
        o.Server.CompletedBytes = 0;
    });

    private readonly RecordingServerUser _user = new();
    private readonly ServerTransactionLayer _layer;

    public CompletedNonInviteTests() => _layer = new ServerTransactionLayer(_h.Context, _user);

    public void Dispose() => _h.Dispose();

    [Fact]
    public void A_retransmission_in_Completed_gets_the_final_response_again_until_Timer_J()
    {
        var transport = _h.Transport(reliable: false);
        _layer.Receive(ServerKey("z9hG4bK-r1", "REGISTER"), ServerRequestKind.NonInvite, Bytes("REGISTER"), transport, out var tx);
        Assert.True(tx!.SendResponse(200, Bytes("200")));

        _h.Clock.RunToSeconds(31.9);
        Assert.Equal(ServerReceiveResult.Retransmission,
            _layer.Receive(ServerKey("z9hG4bK-r1", "REGISTER"), ServerRequestKind.NonInvite, Bytes("REGISTER"), transport, out _));
        Assert.Equal(["200", "200"], transport.Sent);
        Assert.Equal(1, _h.Context.Metrics.RetransmissionsSent);

        _h.Clock.RunToSeconds(32);
        Assert.True(tx.IsTerminated);
        Assert.Equal(0, _layer.Table.Count);
        Assert.Equal(0, _layer.Table.SettledCount);
        Assert.Equal(ServerReceiveResult.Created,
            _layer.Receive(ServerKey("z9hG4bK-r1", "REGISTER"), ServerRequestKind.NonInvite, Bytes("REGISTER"), transport, out _));
        Assert.Equal(2, _user.Events.Count);
    }

    [Fact]
    public void Completed_transactions_do_not_count_towards_the_limit()
    {
        var transport = _h.Transport(reliable: false);
        _layer.Receive(ServerKey("z9hG4bK-a", "REGISTER"), ServerRequestKind.NonInvite, Bytes("REGISTER"), transport, out var first);
        first!.SendResponse(401, Bytes("401"));

        Assert.Equal(ServerReceiveResult.Created,
            _layer.Receive(ServerKey("z9hG4bK-b", "REGISTER"), ServerRequestKind.NonInvite, Bytes("REGISTER"), transport, out var second));
        Assert.Equal(ServerReceiveResult.Refused,
            _layer.Receive(ServerKey("z9hG4bK-c", "REGISTER"), ServerRequestKind.NonInvite, Bytes("REGISTER"), transport, out _));

        second!.SendResponse(200, Bytes("200"));
        Assert.Equal(ServerReceiveResult.Created,
            _layer.Receive(ServerKey("z9hG4bK-c", "REGISTER"), ServerRequestKind.NonInvite, Bytes("REGISTER"), transport, out _));
        Assert.Equal(3, _layer.Table.Count);
        Assert.Equal(2, _layer.Table.SettledCount);
    }

    [Fact]
    public void Beyond_the_completed_limit_a_completed_transaction_counts_again()
    {
        var transport = _h.Transport(reliable: false);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(ServerReceiveResult.Created,
                _layer.Receive(ServerKey($"z9hG4bK-{i}", "REGISTER"), ServerRequestKind.NonInvite, Bytes("REGISTER"), transport, out var tx));
            tx!.SendResponse(200, Bytes("200"));
        }

        Assert.Equal(2, _layer.Table.SettledCount);
        Assert.Equal(ServerReceiveResult.Refused,
            _layer.Receive(ServerKey("z9hG4bK-next", "REGISTER"), ServerRequestKind.NonInvite, Bytes("REGISTER"), transport, out _));
    }

    [Fact]
    public void A_completed_transaction_drops_its_request_and_keeps_the_response_in_an_array_of_its_size()
    {
        var transport = _h.Transport(reliable: false);
        _layer.Receive(ServerKey("z9hG4bK-m", "REGISTER"), ServerRequestKind.NonInvite, Bytes("REGISTER"), transport, out var tx);
        var roomy = new byte[1024];
        Bytes("200").CopyTo(roomy);

        tx!.SendResponse(200, roomy.AsMemory(0, 3));

        Assert.True(tx.Request.IsEmpty);
        Assert.True(MemoryMarshal.TryGetArray(tx.LastResponse, out var kept));
        Assert.Equal(3, kept.Array!.Length);
        Assert.Equal(Bytes("200").ToArray(), tx.LastResponse.ToArray());
    }

    [Fact]
    public void Over_a_reliable_transport_Completed_ends_at_once_and_settles_nothing()
    {
        var transport = _h.Transport(reliable: true);
        _layer.Receive(ServerKey("z9hG4bK-t", "REGISTER"), ServerRequestKind.NonInvite, Bytes("REGISTER"), transport, out var tx);
        tx!.SendResponse(200, Bytes("200"));

        Assert.True(tx.IsTerminated);
        Assert.Equal(0, _layer.Table.Count);
        Assert.Equal(0, _layer.Table.SettledCount);
    }
}
