using Switchboard.Transaction.Keys;
using Switchboard.Transaction.Server;
using Switchboard.Transaction.Tests.Doubles;
using static Switchboard.Transaction.Tests.Doubles.Harness;

namespace Switchboard.Transaction.Tests.Infrastructure;

/// <summary>
/// The completed-response store (RFC 3261 §17.2.2 without an object per completed transaction): a non-INVITE over UDP
/// ends as soon as its final response is sent, and retransmissions of its request get that response again from the
/// store until Timer J; the Server Transactions Limit is not touched by it.
/// </summary>
public sealed class SettledResponsesTests : IDisposable
{
    private readonly Harness _h = new(o => o.Server.Limit = 1);
    private readonly RecordingServerUser _user = new();
    private readonly ServerTransactionLayer _layer;

    public SettledResponsesTests() => _layer = new ServerTransactionLayer(_h.Context, _user);

    public void Dispose() => _h.Dispose();

    [Fact]
    public void A_completed_transaction_leaves_the_table_and_its_response_answers_retransmissions_until_Timer_J()
    {
        var transport = _h.Transport(reliable: false);
        _layer.Receive(ServerKey("z9hG4bK-s1", "REGISTER"), ServerRequestKind.NonInvite, Bytes("REGISTER"), transport, out var tx);
        Assert.True(tx!.SendResponse(200, Bytes("200 OK")));

        Assert.True(tx.IsTerminated);
        Assert.Equal(0, _layer.Table.Count);
        Assert.Equal(1, _layer.SettledCount);

        _h.Clock.RunToSeconds(31.9);
        Assert.Equal(ServerReceiveResult.Retransmission,
            _layer.Receive(ServerKey("z9hG4bK-s1", "REGISTER"), ServerRequestKind.NonInvite, Bytes("REGISTER"), transport, out var none));
        Assert.Null(none);
        Assert.Equal(["200 OK", "200 OK"], transport.Sent);
        Assert.Equal(1, _h.Context.Metrics.RetransmissionsSent);

        _h.Clock.RunToSeconds(32.1);
        Assert.Equal(ServerReceiveResult.Created,
            _layer.Receive(ServerKey("z9hG4bK-s1", "REGISTER"), ServerRequestKind.NonInvite, Bytes("REGISTER"), transport, out _));
        Assert.Equal(2, _user.Events.Count); // the TU saw the request once per transaction, never the retransmission
    }

    [Fact]
    public void Only_the_same_key_matches_a_stored_response()
    {
        var transport = _h.Transport(reliable: false);
        _layer.Receive(TransactionKey.ForServer("z9hG4bK-k", "Host.Example", 5060, "REGISTER"), ServerRequestKind.NonInvite,
            Bytes("REGISTER"), transport, out var tx);
        tx!.SendResponse(401, Bytes("401"));

        // Hosts compare case-insensitively (as the table does); another port, method or branch is another transaction.
        Assert.Equal(ServerReceiveResult.Retransmission, _layer.Receive(
            TransactionKey.ForServer("z9hG4bK-k", "host.example", 5060, "REGISTER"), ServerRequestKind.NonInvite, Bytes("R"), transport, out _));
        foreach (var other in new[]
        {
            TransactionKey.ForServer("z9hG4bK-k", "host.example", 5070, "REGISTER"),
            TransactionKey.ForServer("z9hG4bK-k", "host.example", 5060, "OPTIONS"),
            TransactionKey.ForServer("z9hG4bK-k2", "host.example", 5060, "REGISTER"),
        })
        {
            Assert.Equal(ServerReceiveResult.Created, _layer.Receive(other, ServerRequestKind.NonInvite, Bytes("R"), transport, out var created));
            created!.SendResponse(200, Bytes("200"));
        }
    }

    [Fact]
    public void Stored_responses_never_count_towards_the_limit()
    {
        var transport = _h.Transport(reliable: false);
        for (var i = 0; i < 1_000; i++)
        {
            Assert.Equal(ServerReceiveResult.Created, _layer.Receive(
                ServerKey($"z9hG4bK-n{i}", "REGISTER"), ServerRequestKind.NonInvite, Bytes("REGISTER"), transport, out var tx));
            tx!.SendResponse(200, Bytes("200"));
        }

        Assert.Equal(1_000, _layer.SettledCount);
        Assert.Equal(0, _layer.Table.Count);
        Assert.Equal(0, _h.Context.Metrics.Refused);
    }

    [Fact]
    public void A_full_store_drops_its_oldest_responses_first_and_counts_them()
    {
        using var small = new Harness(o => o.Server.CompletedBytes = 64 * 4096); // 64 segments of 4 KB
        var layer = new ServerTransactionLayer(small.Context, new RecordingServerUser());
        var transport = small.Transport(reliable: false);
        var response = new byte[1000];
        for (var i = 0; i < 1_000; i++)
        {
            layer.Receive(ServerKey($"z9hG4bK-f{i}", "REGISTER"), ServerRequestKind.NonInvite, Bytes("R"), transport, out var tx);
            tx!.SendResponse(200, response);
        }

        // 3 records of ~1.06 KB fit a 4 KB segment: the ring holds the newest 63-64 segments' worth, the rest were
        // evicted before Timer J.
        Assert.InRange(layer.SettledCount, 187, 192);
        Assert.Equal(1_000 - layer.SettledCount, layer.SettledEvicted);
        int sent = transport.Sent.Count;
        Assert.Equal(ServerReceiveResult.Retransmission, layer.Receive(ServerKey("z9hG4bK-f999", "REGISTER"), ServerRequestKind.NonInvite, Bytes("R"), transport, out _));
        Assert.Equal(ServerReceiveResult.Created, layer.Receive(ServerKey("z9hG4bK-f0", "REGISTER"), ServerRequestKind.NonInvite, Bytes("R"), transport, out _));
        Assert.Equal(sent + 1, transport.Sent.Count);
    }

    [Fact]
    public void Expired_segments_leave_the_store_as_time_passes()
    {
        var transport = _h.Transport(reliable: false);
        for (var i = 0; i < 10; i++)
        {
            _layer.Receive(ServerKey($"z9hG4bK-e{i}", "REGISTER"), ServerRequestKind.NonInvite, Bytes("R"), transport, out var tx);
            tx!.SendResponse(200, Bytes("200"));
        }

        _h.Clock.RunToSeconds(40);
        Assert.Equal(ServerReceiveResult.Created,
            _layer.Receive(ServerKey("z9hG4bK-e0", "REGISTER"), ServerRequestKind.NonInvite, Bytes("R"), transport, out var fresh));
        fresh!.SendResponse(200, Bytes("200"));
        // The records of one segment go together once its newest expired; all ten were in the first segment.
        Assert.True(_layer.SettledCount <= 2, $"{_layer.SettledCount} records left");
    }
}
