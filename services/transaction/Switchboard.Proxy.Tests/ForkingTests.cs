using Switchboard.Contracts.Events;
using Switchboard.Sip;

namespace Switchboard.Proxy.Tests;

/// <summary>RFC 3261 §16.5–§16.7: parallel and serial forking and the response context.</summary>
public sealed class ForkingTests
{
    private static ProxyHarness WithBob(params (string Contact, int Q)[] bindings)
    {
        var harness = new ProxyHarness();
        harness.Router.AddAccount("bob");
        foreach (var (contact, q) in bindings)
        {
            harness.Registrar.Add("sip:bob@example.com", contact, q);
        }

        return harness;
    }

    [Fact]
    public async Task Two_bindings_of_equal_q_get_a_branch_each_and_a_200_cancels_the_other()
    {
        var harness = WithBob(("sip:bob@203.0.113.20:5070", 1000), ("sip:bob@203.0.113.21:5070", 1000));
        var (_, upstream) = await harness.SendAsync(TestMessages.Invite());
        var started = harness.Transport.Requests(SipMethod.Invite);
        Assert.Equal(2, started.Count);
        Assert.Equal(["sip:bob@203.0.113.20:5070", "sip:bob@203.0.113.21:5070"], started.Select(s => TestMessages.RequestUri(s.Message)));
        Assert.NotEqual(started[0].Request.Branch, started[1].Request.Branch);

        started[0].Respond(180, "a");
        started[1].Respond(180, "b");
        started[1].Respond(200, "b");

        Assert.Equal([180, 180, 200], upstream.Statuses);
        SipMessage ok = upstream.Responses[2];
        Assert.Equal(["SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-caller-1"], TestMessages.Values(ok, HeaderKind.Via));
        var cancel = Assert.Single(harness.Transport.Requests(SipMethod.Cancel));
        Assert.Equal(started[0].Request.Branch, cancel.Request.Branch);
        Assert.Equal("sip:bob@203.0.113.20:5070", TestMessages.RequestUri(cancel.Message));
        Assert.Contains("CSeq: 1 CANCEL\r\n", cancel.Text, StringComparison.Ordinal);
        Assert.Contains("Reason: SIP;cause=200;text=\"Call completed elsewhere\"", cancel.Text, StringComparison.Ordinal);
        Assert.Equal(started[0].Request.Target, cancel.Request.Target);

        started[0].Respond(487, "a");
        Assert.Equal([180, 180, 200], upstream.Statuses); // the 487 of the cancelled branch stays here
        Assert.Equal(0, harness.Proxy.ActiveContexts);
        Assert.Single(harness.Events.OfType<CallAnswered>());
    }

    [Fact]
    public async Task Every_2xx_of_a_forked_invite_is_forwarded_and_100_trying_is_not()
    {
        var harness = WithBob(("sip:bob@203.0.113.20:5070", 1000), ("sip:bob@203.0.113.21:5070", 1000));
        var (_, upstream) = await harness.SendAsync(TestMessages.Invite());
        var started = harness.Transport.Requests(SipMethod.Invite);

        started[0].Respond(100, "");
        started[0].Respond(200, "a");
        started[1].Respond(200, "b");
        started[0].Respond(200, "a"); // a retransmission reaches us through the Accepted transaction (RFC 6026)

        Assert.Equal([200, 200, 200], upstream.Statuses);
    }

    [Fact]
    public async Task A_486_from_the_only_callee_reaches_the_caller_without_our_via()
    {
        var harness = WithBob(("sip:bob@203.0.113.20:5070", 1000));
        var (_, upstream) = await harness.SendAsync(TestMessages.Invite());

        harness.Transport.Started[0].Respond(486, "busy");

        SipMessage busy = Assert.Single(upstream.Responses);
        Assert.Equal(486, busy.StatusCode);
        Assert.Equal(["SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-caller-1"], TestMessages.Values(busy, HeaderKind.Via));
        Assert.Contains("To: <sip:bob@example.com>;tag=busy", TestMessages.Text(busy), StringComparison.Ordinal);
        CallEnded ended = Assert.Single(harness.Events.OfType<CallEnded>());
        Assert.Equal(486, ended.Status);
        Assert.Null(ended.AnsweredAt);
    }

    [Fact]
    public async Task Lower_q_bindings_are_tried_only_after_the_higher_group_failed()
    {
        var harness = WithBob(("sip:bob@203.0.113.20:5070", 1000), ("sip:bob@203.0.113.21:5070", 500), ("sip:bob@203.0.113.22:5070", 500));
        var (_, upstream) = await harness.SendAsync(TestMessages.Invite());
        Assert.Single(harness.Transport.Started);

        harness.Transport.Started[0].Respond(486, "busy");

        Assert.Equal(3, harness.Transport.Started.Count);
        Assert.Empty(upstream.Statuses);
        harness.Transport.Started[1].Respond(480, "x");
        harness.Transport.Started[2].Respond(200, "y");
        Assert.Equal([200], upstream.Statuses);
    }

    [Theory]
    [InlineData(new[] { 486, 500 }, 486)]
    [InlineData(new[] { 503 }, 500)]
    [InlineData(new[] { 404, 600 }, 600)]
    [InlineData(new[] { 302, 404 }, 302)]
    [InlineData(new[] { 480, 484 }, 484)]
    public async Task When_all_branches_fail_the_best_response_goes_upstream(int[] statuses, int expected)
    {
        var bindings = statuses.Select((_, i) => ($"sip:bob@203.0.113.{20 + i}:5070", 1000)).ToArray();
        var harness = WithBob(bindings);
        var (_, upstream) = await harness.SendAsync(TestMessages.Invite());

        for (int i = 0; i < statuses.Length; i++)
        {
            harness.Transport.Requests(SipMethod.Invite)[i].Respond(statuses[i], $"t{i}");
        }

        Assert.Equal([expected], upstream.Statuses);
        Assert.Equal(0, harness.Proxy.ActiveContexts);
    }

    [Fact]
    public async Task Challenges_of_all_branches_are_aggregated_into_one_407()
    {
        var harness = WithBob(("sip:bob@203.0.113.20:5070", 1000), ("sip:bob@203.0.113.21:5070", 1000), ("sip:bob@203.0.113.22:5070", 1000));
        var (_, upstream) = await harness.SendAsync(TestMessages.Invite());
        var started = harness.Transport.Requests(SipMethod.Invite);

        started[0].Respond(407, "a", "Proxy-Authenticate: Digest realm=\"a.example\", nonce=\"1\"");
        started[1].Respond(401, "b", "WWW-Authenticate: Digest realm=\"b.example\", nonce=\"2\"");
        started[2].Respond(486, "c");

        SipMessage challenge = Assert.Single(upstream.Responses);
        Assert.Equal(407, challenge.StatusCode);
        Assert.Equal(["Digest realm=\"a.example\", nonce=\"1\""], TestMessages.Values(challenge, HeaderKind.ProxyAuthenticate));
        Assert.Equal(["Digest realm=\"b.example\", nonce=\"2\""], TestMessages.Values(challenge, HeaderKind.WwwAuthenticate));
    }

    [Fact]
    public async Task A_6xx_cancels_the_pending_branches_and_is_forwarded_when_they_end()
    {
        var harness = WithBob(("sip:bob@203.0.113.20:5070", 1000), ("sip:bob@203.0.113.21:5070", 1000), ("sip:bob@203.0.113.22:5070", 500));
        var (_, upstream) = await harness.SendAsync(TestMessages.Invite());
        var started = harness.Transport.Requests(SipMethod.Invite);
        started[0].Respond(180, "a");

        started[1].Respond(603, "b");

        Assert.Single(harness.Transport.Requests(SipMethod.Cancel));
        Assert.Equal([180], upstream.Statuses);
        started[0].Respond(487, "a");
        Assert.Equal([180, 603], upstream.Statuses);
        Assert.Equal(2, harness.Transport.Requests(SipMethod.Invite).Count); // the q=0.5 group never starts
    }

    [Fact]
    public async Task A_branch_that_cannot_start_is_this_proxys_overload_and_the_caller_gets_503_with_Retry_After()
    {
        var harness = WithBob(("sip:bob@203.0.113.20:5070", 1000));
        harness.Transport.RefuseStarts = true;

        var (_, upstream) = await harness.SendAsync(TestMessages.Invite());

        Assert.Equal([503], upstream.Statuses);
        Assert.Contains("Retry-After: 5\r\n", TestMessages.Text(upstream.Responses[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_503_from_the_callee_reaches_the_caller_as_500()
    {
        var harness = WithBob(("sip:bob@203.0.113.20:5070", 1000));
        var (_, upstream) = await harness.SendAsync(TestMessages.Invite(method: "MESSAGE"));

        harness.Transport.Requests(SipMethod.Message)[0].Respond(503, "busy-server", "Retry-After: 60");

        Assert.Equal([500], upstream.Statuses);
        Assert.DoesNotContain("Retry-After", TestMessages.Text(upstream.Responses[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_transaction_timeout_is_a_408()
    {
        var harness = WithBob(("sip:bob@203.0.113.20:5070", 1000));
        var (_, upstream) = await harness.SendAsync(TestMessages.Invite(method: "MESSAGE"));

        harness.Transport.Started[0].Events.OnTimeout();

        Assert.Equal([408], upstream.Statuses);
    }

    [Fact]
    public async Task With_recursion_a_302_is_followed_to_its_contacts()
    {
        var harness = WithBob(("sip:bob@203.0.113.20:5070", 1000));
        harness.Options.Recurse3xx = true;
        var (_, upstream) = await harness.SendAsync(TestMessages.Invite());

        harness.Transport.Started[0].Respond(302, "r", "Contact: <sip:bob@203.0.113.99:5080>");

        Assert.Equal(2, harness.Transport.Started.Count);
        Assert.Equal("sip:bob@203.0.113.99:5080", TestMessages.RequestUri(harness.Transport.Started[1].Message));
        harness.Transport.Started[1].Respond(200, "x");
        Assert.Equal([200], upstream.Statuses);
    }

    [Fact]
    public async Task Without_recursion_a_302_goes_to_the_caller()
    {
        var harness = WithBob(("sip:bob@203.0.113.20:5070", 1000));
        var (_, upstream) = await harness.SendAsync(TestMessages.Invite());

        harness.Transport.Started[0].Respond(302, "r", "Contact: <sip:bob@203.0.113.99:5080>");

        Assert.Equal([302], upstream.Statuses);
        Assert.Single(harness.Transport.Started);
    }

    [Fact]
    public async Task Unresolvable_targets_count_as_503_and_the_next_group_is_tried()
    {
        var harness = WithBob(("sip:bob@phone.invalid", 1000), ("sip:bob@203.0.113.21:5070", 500));

        var (_, upstream) = await harness.SendAsync(TestMessages.Invite());

        var sent = Assert.Single(harness.Transport.Started);
        Assert.Equal("sip:bob@203.0.113.21:5070", TestMessages.RequestUri(sent.Message));
        sent.Respond(486, "b");
        Assert.Equal([486], upstream.Statuses);
    }

    [Fact]
    public async Task Branches_start_after_an_asynchronous_look_up_and_the_context_completes()
    {
        var harness = WithBob(("sip:bob@203.0.113.20:5070", 1000), ("sip:bob@203.0.113.21:5070", 1000));
        harness.Locator.Asynchronous = true;

        var (_, upstream) = await harness.SendAsync(TestMessages.Invite());
        DateTime deadline = DateTime.UtcNow.AddSeconds(5);
        while (harness.Transport.Requests(SipMethod.Invite).Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        var started = harness.Transport.Requests(SipMethod.Invite);
        Assert.Equal(2, started.Count);
        started[0].Respond(500, "a");
        started[1].Respond(486, "b");
        Assert.Equal([486], upstream.Statuses);
        Assert.Equal(0, harness.Proxy.ActiveContexts);
    }
}
