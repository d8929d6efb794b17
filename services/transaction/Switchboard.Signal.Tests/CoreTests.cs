using System.Text;
using Switchboard.Signal.Handlers;
using Switchboard.Signal.Tests.Messages;
using Switchboard.Sip;
using Switchboard.Transaction.Client;
using Switchboard.Transaction.Keys;

namespace Switchboard.Signal.Tests;

public sealed class CoreTests
{
    [Fact]
    public void A_handler_that_throws_gets_the_request_answered_500()
    {
        using var h = new SignalHarness(firstHandlers: new ThrowingHandler());

        h.Receive(SipText.Options("sip:ping@sip.example.com"));

        Assert.Equal(500, h.TakeSingle().StatusCode);
        Assert.Equal(1, h.Metrics.HandlerErrors);
    }

    [Fact]
    public async Task With_worker_processors_the_answer_comes_from_a_worker()
    {
        using var h = new SignalHarness(transactions: t => t.Server.Processors = 2);

        h.Receive(SipText.Options());

        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (h.Sender.Sent.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        Assert.Equal(200, h.TakeSingle().StatusCode);
    }

    [Fact]
    public void Response_without_a_client_transaction_is_dropped_and_counted()
    {
        using var h = new SignalHarness();

        h.Receive(Response(200, "z9hG4bKnobody", "OPTIONS"));

        Assert.Empty(h.TakeSent());
        Assert.Equal(1, h.Metrics.UnmatchedResponses);
    }

    [Fact]
    public void Response_reaches_its_client_transaction_by_branch_and_cseq_method()
    {
        using var h = new SignalHarness();
        var user = new RecordingClientUser();
        byte[] request = Encoding.UTF8.GetBytes(SipText.Request("OPTIONS", "sip:peer.example.net", "z9hG4bKout1", "out-1@10.0.0.1"));
        var transport = new RecordingTransport();
        Assert.Equal(ClientStartResult.Started,
            h.Core.Client.Start(TransactionKey.ForClient("z9hG4bKout1", "OPTIONS"), false, request, transport, user, out _));

        h.Receive(Response(200, "z9hG4bKout1", "OPTIONS"));
        h.Receive(Response(200, "z9hG4bKout1", "INVITE")); // same branch, other method: another transaction

        Assert.Equal([200], user.Finals);
        Assert.Equal(1, h.Metrics.UnmatchedResponses);
    }

    [Fact]
    public void Ack_builder_follows_rfc3261_17_1_1_3()
    {
        var builder = new Builders.AckBuilder(new Switchboard.Sip.Parsing.SipParser(null));
        byte[] invite = Encoding.UTF8.GetBytes(SipText.Request("INVITE", "sip:bob@example.com", "z9hG4bKinv9", "ack-9@10.0.0.1", 5,
            "Route: <sip:p1.example.com;lr>", "Route: <sip:p2.example.com;lr>"));
        byte[] response = Encoding.UTF8.GetBytes(Response(486, "z9hG4bKinv9", "INVITE", cseq: 5, toTag: "callee7"));

        string ack = Encoding.UTF8.GetString(builder.BuildAck(invite, response).Span);

        Assert.StartsWith("ACK sip:bob@example.com SIP/2.0\r\n", ack);
        Assert.Contains("Via: SIP/2.0/UDP 192.0.2.10:5070;branch=z9hG4bKinv9\r\n", ack);
        Assert.Contains("Route: <sip:p1.example.com;lr>\r\nRoute: <sip:p2.example.com;lr>\r\n", ack);
        Assert.Contains("To: <sip:bob@example.com>;tag=callee7\r\n", ack);
        Assert.Contains("CSeq: 5 ACK\r\n", ack);
        Assert.Contains("Call-ID: ack-9@10.0.0.1\r\n", ack);
    }

    [Fact]
    public void Trying_builder_copies_the_request_headers_without_a_to_tag()
    {
        var builder = new Builders.TryingBuilder(new Switchboard.Sip.Parsing.SipParser(null));
        byte[] invite = Encoding.UTF8.GetBytes(SipText.Request("INVITE", "sip:bob@example.com", "z9hG4bKinv8", "t-8@10.0.0.1", extra: "Timestamp: 54"));

        string trying = Encoding.UTF8.GetString(builder.BuildTrying(invite).Span);

        Assert.StartsWith("SIP/2.0 100 Trying\r\n", trying);
        Assert.Contains("To: <sip:bob@example.com>\r\n", trying);
        Assert.Contains("Timestamp: 54\r\n", trying);
    }

    [Fact]
    public void Live_transaction_gauge_follows_the_layer()
    {
        var held = new Doubles.RecordingHandler(SipMethod.Invite);
        using var h = new SignalHarness(firstHandlers: held);

        h.Receive(SipText.Request("INVITE", "sip:bob@example.com", "z9hG4bKg1", "g-1@192.0.2.10"));
        h.Receive(SipText.Options());

        // Sampled as each message arrives: the INVITE was live when the OPTIONS came in.
        Assert.Equal(1, h.Metrics.LiveServerTransactions);
        Assert.Equal(1, h.Transactions.Metrics.Live(Switchboard.Transaction.TransactionKind.ServerInvite));
    }

    [Fact]
    public void A_held_invite_gets_an_automatic_100_trying_without_a_to_tag()
    {
        var held = new Doubles.RecordingHandler(SipMethod.Invite);
        using var h = new SignalHarness(firstHandlers: held);

        h.Receive(SipText.Request("INVITE", "sip:bob@example.com", "z9hG4bKt1", "t-1@192.0.2.10"));
        Assert.Empty(h.TakeSent());
        h.Time.Advance(TimeSpan.FromMilliseconds(300));

        var trying = h.TakeSingle();
        Assert.Equal(100, trying.StatusCode);
        Assert.Equal(["<sip:bob@example.com>"], trying.Headers("To"));
    }

    [Fact]
    public void A_response_the_edge_cannot_send_is_counted_and_ends_the_transaction()
    {
        using var h = new SignalHarness();
        h.Sender.NextStatus = Switchboard.Contracts.Sip.SendStatus.Unreachable;

        h.Receive(SipText.Options());

        Assert.Single(h.TakeSent());
        Assert.Equal(1, h.Metrics.SendFailures);
        Assert.False(h.Core.Server.TryFind(TransactionKey.ForServer("z9hG4bKopt1", "192.0.2.10", 5070, "OPTIONS"), out _));
    }

    private static string Response(int status, string branch, string method, int cseq = 1, string toTag = "t1") =>
        $"SIP/2.0 {status} Whatever\r\nVia: SIP/2.0/UDP 192.0.2.10:5070;branch={branch}\r\nFrom: <sip:alice@example.com>;tag=fa1\r\n"
        + $"To: <sip:bob@example.com>;tag={toTag}\r\nCall-ID: r-1@10.0.0.1\r\nCSeq: {cseq} {method}\r\nContent-Length: 0\r\n\r\n";

    private sealed class ThrowingHandler : ISipRequestHandler
    {
        public SipMethod Methods => SipMethod.Options;

        public ValueTask<bool> TryHandleAsync(SipRequestContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("handler bug");
    }

    private sealed class RecordingClientUser : IClientTransactionUser
    {
        public List<int> Finals { get; } = [];

        public void OnProvisional(ClientTransaction transaction, int statusCode, ReadOnlyMemory<byte> response)
        {
        }

        public void OnFinal(ClientTransaction transaction, int statusCode, ReadOnlyMemory<byte> response) => Finals.Add(statusCode);

        public void OnTimeout(ClientTransaction transaction) => Finals.Add(408);

        public void OnTransportError(ClientTransaction transaction) => Finals.Add(503);
    }

    private sealed class RecordingTransport : Switchboard.Transaction.Transport.ITransactionTransport
    {
        public List<byte[]> Sent { get; } = [];

        public bool IsReliable => false;

        public bool Send(ReadOnlyMemory<byte> message)
        {
            Sent.Add(message.ToArray());
            return true;
        }
    }
}
