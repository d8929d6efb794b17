using System.Net;
using Switchboard.Contracts.Events;
using Switchboard.Contracts.Routing;
using Switchboard.Sip;

namespace Switchboard.Proxy.Tests;

/// <summary>Target sets (404, 480, remote), MESSAGE, stateless ACK/2xx forwarding (RFC 6026), events and counters.</summary>
public sealed class StatelessAndTargetTests
{
    private static ProxyHarness WithBob()
    {
        var harness = new ProxyHarness();
        harness.Router.AddAccount("bob");
        harness.Registrar.Add("sip:bob@example.com", "sip:bob@203.0.113.20:5070");
        return harness;
    }

    [Fact]
    public async Task A_message_is_forwarded_to_the_binding_and_its_200_comes_back()
    {
        var harness = WithBob();

        var (outcome, upstream) = await harness.SendAsync(TestMessages.Invite(method: "MESSAGE"));

        Assert.Equal(ProxyOutcome.Forwarded, outcome);
        var sent = Assert.Single(harness.Transport.Started);
        Assert.Equal(SipMethod.Message, sent.Request.Method);
        Assert.Equal("sip:bob@203.0.113.20:5070", TestMessages.RequestUri(sent.Message));
        sent.Respond(200, "m");
        Assert.Equal([200], upstream.Statuses);
        Assert.Equal(1, harness.Metrics.Forwarded("MESSAGE"));
        Assert.Empty(harness.Events.Events); // only INVITE makes calls
    }

    [Fact]
    public async Task An_unknown_user_gets_404_and_a_user_without_bindings_480()
    {
        var harness = WithBob();
        harness.Router.AddAccount("nobody-home");

        var (_, unknown) = await harness.SendAsync(TestMessages.Invite("sip:zed@example.com"));
        var (_, offline) = await harness.SendAsync(TestMessages.Invite("sip:nobody-home@example.com", branch: "z9hG4bK-2"));

        Assert.Equal([404], unknown.Statuses);
        Assert.Equal([480], offline.Statuses);
        Assert.Empty(harness.Transport.Started);
    }

    [Fact]
    public async Task A_router_rejection_keeps_its_status()
    {
        var harness = WithBob();
        harness.Router.Accounts["blocked@example.com"] = AddressResolution.Reject(603, "Declined");

        var (_, upstream) = await harness.SendAsync(TestMessages.Invite("sip:blocked@example.com"));

        Assert.Equal([603], upstream.Statuses);
    }

    [Fact]
    public async Task A_gateway_target_becomes_the_request_uri()
    {
        var harness = WithBob();
        harness.Router.Accounts["5551234@example.com"] = AddressResolution.ToGateway("pstn", "sip:5551234@203.0.113.200:5060");

        await harness.SendAsync(TestMessages.Invite("sip:5551234@example.com"));

        var sent = Assert.Single(harness.Transport.Started);
        Assert.Equal("sip:5551234@203.0.113.200:5060", TestMessages.RequestUri(sent.Message));
    }

    [Fact]
    public async Task A_request_for_the_server_itself_is_left_to_the_local_handlers()
    {
        var harness = WithBob();

        var (outcome, upstream) = await harness.SendAsync(TestMessages.Invite("sip:192.0.2.1", method: "OPTIONS"));

        Assert.Equal(ProxyOutcome.NotForwardable, outcome);
        Assert.Empty(upstream.Statuses);
    }

    [Fact]
    public async Task The_ack_for_a_2xx_is_forwarded_statelessly_along_the_route_set()
    {
        var harness = WithBob();
        string ack = """
            ACK sip:bob@203.0.113.20:5070 SIP/2.0
            Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-ack-1
            Max-Forwards: 70
            Route: <sip:192.0.2.1:5060;transport=udp;lr>, <sip:203.0.113.77;lr>
            From: <sip:carol@example.net>;tag=c1
            To: <sip:bob@example.com>;tag=callee
            Call-ID: call-1@198.51.100.7
            CSeq: 1 ACK
            Content-Length: 0


            """;

        var (outcome, _) = await harness.SendAsync(ack);
        await harness.SendAsync(ack); // a retransmission keeps its branch (§16.11)

        Assert.Equal(ProxyOutcome.Forwarded, outcome);
        Assert.Empty(harness.Transport.Started);
        Assert.Equal(2, harness.Transport.Stateless.Count);
        var (sent, target) = harness.Transport.Stateless[0];
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.77"), 5060), target.Destination);
        Assert.Equal(["<sip:203.0.113.77;lr>"], TestMessages.Values(sent, HeaderKind.Route));
        Assert.Equal("sip:bob@203.0.113.20:5070", TestMessages.RequestUri(sent));
        List<string> vias = TestMessages.Values(sent, HeaderKind.Via);
        Assert.Equal(2, vias.Count);
        Assert.Equal(vias[0], TestMessages.Values(harness.Transport.Stateless[1].Message, HeaderKind.Via)[0]);
    }

    [Fact]
    public async Task An_ack_with_max_forwards_0_is_dropped_silently()
    {
        var harness = WithBob();

        var (outcome, _) = await harness.SendAsync(TestMessages.Invite("sip:bob@203.0.113.20:5070", method: "ACK", maxForwards: 0, toTag: "x"));

        Assert.Equal(ProxyOutcome.Dropped, outcome);
        Assert.Empty(harness.Transport.Stateless);
    }

    [Fact]
    public async Task A_stray_2xx_retransmission_goes_to_the_next_via_statelessly()
    {
        var harness = WithBob();
        await harness.SendAsync(TestMessages.Invite());
        var invite = harness.Transport.Started[0];
        SipMessage ok = TestMessages.Parse(TestMessages.Response(invite.Message, 200, "b"));

        bool forwarded = await harness.Proxy.ForwardStrayResponseAsync(ok);

        Assert.True(forwarded);
        var (sent, target) = Assert.Single(harness.Transport.Stateless);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("198.51.100.7"), 5060), target.Destination);
        Assert.Equal(["SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-caller-1"], TestMessages.Values(sent, HeaderKind.Via));
    }

    [Fact]
    public async Task A_stray_response_that_is_not_ours_or_not_a_2xx_is_not_forwarded()
    {
        var harness = WithBob();
        await harness.SendAsync(TestMessages.Invite());
        var invite = harness.Transport.Started[0];

        bool busy = await harness.Proxy.ForwardStrayResponseAsync(TestMessages.Parse(TestMessages.Response(invite.Message, 486, "b")));
        SipMessage original = TestMessages.Parse(TestMessages.Invite());
        bool foreign = await harness.Proxy.ForwardStrayResponseAsync(TestMessages.Parse(TestMessages.Response(original, 200, "b")));

        Assert.False(busy);
        Assert.False(foreign);
        Assert.Empty(harness.Transport.Stateless);
    }

    [Fact]
    public async Task A_call_publishes_started_answered_and_ended_and_moves_the_gauges()
    {
        var harness = new ProxyHarness(o => o.ForceRelaying = true);
        harness.Router.AddAccount("bob");
        harness.Registrar.Add("sip:bob@example.com", "sip:bob@203.0.113.20:5070");

        var (_, upstream) = await harness.SendAsync(TestMessages.Invite());
        Assert.Equal(1, harness.Metrics.ActiveContexts);
        harness.Transport.Started[0].Respond(200, "b");
        Assert.Equal(0, harness.Metrics.ActiveContexts);
        Assert.Equal(1, harness.Metrics.ActiveDialogs);

        string bye = TestMessages.Invite("sip:bob@203.0.113.20:5070", method: "BYE", branch: "z9hG4bK-bye", toTag: "b",
            extra: "Route: <sip:192.0.2.1:5060;transport=udp;lr>\n");
        await harness.SendAsync(bye);
        harness.Transport.Requests(SipMethod.Bye).Single().Respond(200, "b");

        CallStarted started = Assert.Single(harness.Events.OfType<CallStarted>());
        CallAnswered answered = Assert.Single(harness.Events.OfType<CallAnswered>());
        CallEnded ended = Assert.Single(harness.Events.OfType<CallEnded>());
        Assert.Equal("call-1@198.51.100.7", started.CallId);
        Assert.Equal("sip:carol@example.net", started.From);
        Assert.Equal("sip:bob@example.com", started.To);
        Assert.Equal(200, answered.Status);
        Assert.NotNull(ended.AnsweredAt);
        Assert.Equal(0, harness.Metrics.ActiveDialogs);
        Assert.Equal(1, harness.Metrics.Forwarded("INVITE"));
        Assert.Equal(1, harness.Metrics.Forwarded("BYE"));
        Assert.Equal(2, harness.Metrics.Responses(2));
        Assert.Equal([200], upstream.Statuses);
    }

    [Fact]
    public async Task An_unknown_method_is_forwarded_like_any_non_invite()
    {
        var harness = WithBob();

        var (outcome, upstream) = await harness.SendAsync(TestMessages.Invite(method: "FROBNICATE"));

        Assert.Equal(ProxyOutcome.Forwarded, outcome);
        var sent = Assert.Single(harness.Transport.Started);
        Assert.Equal("FROBNICATE", sent.Request.MethodToken);
        Assert.StartsWith("FROBNICATE sip:bob@203.0.113.20:5070 SIP/2.0\r\n", sent.Text, StringComparison.Ordinal);
        sent.Respond(200, "f");
        Assert.Equal([200], upstream.Statuses);
        Assert.Equal(1, harness.Metrics.Forwarded("other"));
    }
}
