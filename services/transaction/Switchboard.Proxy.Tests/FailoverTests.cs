using System.Net;
using Switchboard.Contracts.Routing;
using Switchboard.Contracts.Sip;
using Switchboard.Sip;

namespace Switchboard.Proxy.Tests;

/// <summary>
/// RFC 3263 §4.3 with RFC 3261 §16.6/§16.7: a next hop located to several servers is retried at the next one, in
/// order, after a transport error, a timeout or a 503 — a new branch each time — and the caller gets one final answer.
/// </summary>
public sealed class FailoverTests
{
    private static readonly SendTarget First = Server("203.0.113.31", SipTransport.Udp);
    private static readonly SendTarget Second = Server("203.0.113.32", SipTransport.Tcp);
    private static readonly SendTarget Third = Server("203.0.113.33", SipTransport.Udp);

    private static SendTarget Server(string ip, SipTransport transport) =>
        SendTarget.ToAddress(new IPEndPoint(IPAddress.Parse(ip), 5060), transport);

    /// <summary>bob@example.com is forwarded to sip:bob@pbx.example, whose DNS names three servers.</summary>
    private static ProxyHarness WithRemoteBob(Action<ProxyOptions>? configure = null, params SendTarget[] servers)
    {
        var harness = new ProxyHarness(configure);
        harness.Router.Accounts["bob@example.com"] = AddressResolution.ToRemote("sip:bob@pbx.example");
        harness.Locator.Servers["pbx.example"] = servers.Length > 0 ? servers : [First, Second, Third];
        return harness;
    }

    [Fact]
    public async Task A_transport_error_sends_the_request_to_the_next_server_with_a_new_branch()
    {
        var harness = WithRemoteBob();
        var (_, upstream) = await harness.SendAsync(TestMessages.Invite());
        var first = Assert.Single(harness.Transport.Requests(SipMethod.Invite));
        Assert.Equal(First, first.Request.Target);

        first.Events.OnTransportError();

        var started = harness.Transport.Requests(SipMethod.Invite);
        Assert.Equal(2, started.Count);
        var second = started[1];
        Assert.Equal(Second, second.Request.Target);
        Assert.NotEqual(first.Request.Branch, second.Request.Branch);
        Assert.Equal("sip:bob@pbx.example", TestMessages.RequestUri(second.Message));
        // The new branch leaves over the second server's transport (TCP): our Via says so.
        Assert.StartsWith("SIP/2.0/TCP ", TestMessages.Values(second.Message, HeaderKind.Via)[0], StringComparison.Ordinal);
        Assert.Empty(upstream.Statuses);

        second.Respond(180, "s2");
        second.Respond(200, "s2");
        Assert.Equal([180, 200], upstream.Statuses);
        Assert.Equal(0, harness.Proxy.ActiveContexts);
    }

    [Fact]
    public async Task A_timeout_then_a_503_move_on_and_the_last_servers_answer_is_the_only_final()
    {
        var harness = WithRemoteBob();
        var (_, upstream) = await harness.SendAsync(TestMessages.Invite());

        harness.Transport.Requests(SipMethod.Invite)[0].Events.OnTimeout();
        harness.Transport.Requests(SipMethod.Invite)[1].Respond(503, "s2", "Retry-After: 60");
        var started = harness.Transport.Requests(SipMethod.Invite);
        Assert.Equal([First, Second, Third], started.Select(s => s.Request.Target));
        Assert.Equal(3, started.Select(s => s.Request.Branch).Distinct().Count());

        started[2].Respond(486, "s3");
        SipMessage busy = Assert.Single(upstream.Responses);
        Assert.Equal(486, busy.StatusCode);
        Assert.Contains("tag=s3", TestMessages.Values(busy, HeaderKind.To)[0], StringComparison.Ordinal);
        Assert.Equal(0, harness.Proxy.ActiveContexts);
    }

    [Fact]
    public async Task The_number_of_servers_tried_is_bounded_and_the_caller_then_gets_one_500()
    {
        var harness = WithRemoteBob(o => o.MaxServerTargets = 2);
        var (_, upstream) = await harness.SendAsync(TestMessages.Invite(method: "MESSAGE"));

        harness.Transport.Started[0].Respond(503, "s1");
        harness.Transport.Started[1].Events.OnTransportError();

        Assert.Equal([First, Second], harness.Transport.Started.Select(s => s.Request.Target));
        Assert.Equal([500], upstream.Statuses); // §16.7 step 6: a 503 goes upstream as 500
        Assert.Equal(0, harness.Proxy.ActiveContexts);
    }

    [Fact]
    public async Task A_client_transaction_that_cannot_start_moves_on_until_the_servers_run_out()
    {
        var harness = WithRemoteBob();
        harness.Transport.RefuseStarts = true;

        var (_, upstream) = await harness.SendAsync(TestMessages.Invite());

        Assert.Equal([First, Second, Third], harness.Transport.Started.Select(s => s.Request.Target));
        Assert.Equal([503], upstream.Statuses); // nothing could start here: this proxy's own overload
        Assert.Equal(0, harness.Proxy.ActiveContexts);
    }

    [Theory]
    [InlineData(486)]
    [InlineData(500)]
    [InlineData(404)]
    [InlineData(603)]
    public async Task Other_failures_are_answers_of_the_callee_and_are_not_retried(int status)
    {
        var harness = WithRemoteBob();
        var (_, upstream) = await harness.SendAsync(TestMessages.Invite());

        harness.Transport.Started[0].Respond(status, "s1");

        Assert.Single(harness.Transport.Requests(SipMethod.Invite));
        Assert.Equal([status], upstream.Statuses);
    }

    [Fact]
    public async Task A_cancelled_branch_that_times_out_is_not_retried()
    {
        var harness = WithRemoteBob();
        var (_, upstream) = await harness.SendAsync(TestMessages.Invite());
        var first = harness.Transport.Started[0];
        first.Respond(180, "s1");

        var cancel = await harness.SendAsync(TestMessages.Invite(method: "CANCEL"));
        Assert.Equal([200], cancel.Upstream.Statuses);
        first.Events.OnTimeout();

        Assert.Single(harness.Transport.Requests(SipMethod.Invite));
        Assert.Single(harness.Transport.Requests(SipMethod.Cancel));
        Assert.Equal([180, 408], upstream.Statuses); // the timeout stands in for the cancelled branch's answer
    }

    [Fact]
    public async Task A_single_address_gets_no_retry()
    {
        var harness = WithRemoteBob(servers: [First]);
        var (_, upstream) = await harness.SendAsync(TestMessages.Invite());

        harness.Transport.Started[0].Events.OnTimeout();

        Assert.Single(harness.Transport.Started);
        Assert.Equal([408], upstream.Statuses);
    }
}
