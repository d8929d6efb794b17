using System.Net;
using Switchboard.Contracts.Gateway;
using Switchboard.Contracts.Sip;
using Switchboard.Proxy;
using Switchboard.Signal.Client;
using Switchboard.Signal.Tests.Doubles;

namespace Switchboard.Signal.Tests.Client;

public sealed class SipClientRequestSenderTests
{
    private static readonly SipClientDestination Gateway = new("192.0.2.50", 5080, SipTransport.Udp);

    [Fact]
    public async Task A_register_goes_out_with_our_via_and_the_final_response_comes_back_with_long_header_names()
    {
        using var h = new SignalHarness();
        var sender = Sender(h);

        var pending = sender.SendAsync(Register(Gateway)).AsTask();
        var sent = h.TakeSingle();
        Assert.Equal(SendTarget.ToAddress(new IPEndPoint(IPAddress.Parse("192.0.2.50"), 5080), SipTransport.Udp), sent.Target);
        Assert.StartsWith("REGISTER sip:provider.test SIP/2.0\r\nVia: ", sent.Text);
        string via = Assert.Single(sent.Headers("Via"));
        Assert.Matches(@"^SIP/2\.0/UDP 10\.0\.0\.1:5060;branch=z9hG4bK\w+;rport$", via);
        Assert.Equal(["70"], sent.Headers("Max-Forwards"));
        Assert.Equal(["0"], sent.Headers("Content-Length"));
        Assert.Equal(["1 REGISTER"], sent.Headers("CSeq"));

        h.Receive(Response(sent, "100 Trying"));
        Assert.False(pending.IsCompleted);
        h.Receive(Response(sent, "200 OK", "m: <sip:trunk@10.0.0.1>;expires=120"));

        var response = await pending.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(response.IsSuccess);
        Assert.Equal("OK", response.Reason);
        Assert.Equal("<sip:trunk@10.0.0.1>;expires=120", response.GetFirst("Contact"));
        Assert.Equal("1 REGISTER", response.GetFirst("CSeq"));
    }

    [Fact]
    public async Task Over_udp_the_request_is_retransmitted_on_timer_e_and_timer_f_ends_it_as_a_408()
    {
        using var h = new SignalHarness();
        var pending = Sender(h).SendAsync(Register(Gateway)).AsTask();
        var first = h.TakeSingle();

        var gaps = new List<double>();
        var last = TimeSpan.Zero;
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromSeconds(33) && !pending.IsCompleted; elapsed += TimeSpan.FromMilliseconds(10))
        {
            h.Time.Advance(TimeSpan.FromMilliseconds(10));
            foreach (var retransmission in h.TakeSent())
            {
                Assert.Equal(first.Text, retransmission.Text);
                gaps.Add(Math.Round((elapsed - last).TotalSeconds, 1));
                last = elapsed;
            }
        }

        var response = await pending.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(SipClientOutcome.Timeout, response.Outcome);
        Assert.Equal(408, response.StatusCode);
        // Timer E: 500 ms doubling up to T2 (4 s), then every 4 s until Timer F (64·T1 = 32 s).
        Assert.Equal([0.5, 1, 2, 4, 4, 4, 4, 4, 4], gaps.Take(9));
    }

    [Fact]
    public async Task A_provisional_response_moves_retransmissions_to_t2_and_does_not_complete_the_request()
    {
        using var h = new SignalHarness();
        var pending = Sender(h).SendAsync(Register(Gateway)).AsTask();
        var sent = h.TakeSingle();

        h.Receive(Response(sent, "180 Working"));
        Advance(h, TimeSpan.FromSeconds(1)); // Timer E already set fires once (at 0.5 s) and is reset to T2
        Assert.Single(h.TakeSent());
        Advance(h, TimeSpan.FromSeconds(3.4));
        Assert.Empty(h.TakeSent());
        Advance(h, TimeSpan.FromMilliseconds(200));
        Assert.Single(h.TakeSent());
        Assert.False(pending.IsCompleted);

        h.Receive(Response(sent, "401 Unauthorized", "WWW-Authenticate: Digest realm=\"provider.test\", nonce=\"n1\""));
        var response = await pending.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(401, response.StatusCode);
        Assert.Equal("Digest realm=\"provider.test\", nonce=\"n1\"", response.GetFirst("WWW-Authenticate"));
    }

    [Fact]
    public async Task Responses_are_matched_by_branch_and_cseq_method_not_by_call_id()
    {
        using var h = new SignalHarness();
        var sender = Sender(h);
        var first = sender.SendAsync(Register(Gateway, callId: "a@x")).AsTask();
        var firstSent = h.TakeSingle();
        var second = sender.SendAsync(Register(Gateway, callId: "a@x")).AsTask();
        var secondSent = h.TakeSingle();
        Assert.NotEqual(firstSent.Headers("Via"), secondSent.Headers("Via"));

        h.Receive(Response(secondSent, "403 Forbidden"));
        h.Receive(Response(firstSent, "200 OK", cseqMethod: "OPTIONS"));
        Assert.Equal(403, (await second.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
        Assert.False(first.IsCompleted);

        h.Receive(Response(firstSent, "200 OK"));
        Assert.Equal(200, (await first.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
    }

    [Fact]
    public async Task Over_tcp_nothing_is_retransmitted()
    {
        using var h = new SignalHarness();
        var pending = Sender(h).SendAsync(Register(Gateway with { Transport = SipTransport.Tcp })).AsTask();
        Assert.Contains("SIP/2.0/TCP 10.0.0.1:5060;", h.TakeSingle().Text);

        Advance(h, TimeSpan.FromSeconds(31));
        Assert.Empty(h.TakeSent());
        Advance(h, TimeSpan.FromSeconds(2));
        Assert.Equal(408, (await pending.WaitAsync(TimeSpan.FromSeconds(5))).StatusCode);
    }

    [Fact]
    public async Task A_send_the_edge_refuses_is_a_transport_failure()
    {
        using var h = new SignalHarness();
        h.Sender.NextStatus = SendStatus.Unreachable;

        var response = await Sender(h).SendAsync(Register(Gateway)).AsTask().WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(SipClientOutcome.TransportFailure, response.Outcome);
        Assert.Equal(503, response.StatusCode);
    }

    [Theory]
    [InlineData("INVITE", "1 INVITE", "sip:provider.test")]
    [InlineData("REGISTER", "1 OPTIONS", "sip:provider.test")]
    [InlineData("REGISTER", "1 REGISTER", "not a uri")]
    public async Task Requests_it_cannot_send_as_given_fail_without_touching_the_wire(string method, string cseq, string uri)
    {
        using var h = new SignalHarness();
        var request = Register(Gateway) with { Method = method, RequestUri = uri };
        request = request with { Headers = [.. request.Headers.Where(x => x.Name != "CSeq"), new("CSeq", cseq)] };

        var response = await Sender(h).SendAsync(request);

        Assert.Equal(SipClientOutcome.TransportFailure, response.Outcome);
        Assert.Empty(h.TakeSent());
    }

    [Fact]
    public async Task A_request_without_call_id_is_refused()
    {
        using var h = new SignalHarness();
        var request = Register(Gateway);
        request = request with { Headers = [.. request.Headers.Where(x => x.Name != "Call-ID")] };

        var response = await Sender(h).SendAsync(request);

        Assert.Equal(SipClientOutcome.TransportFailure, response.Outcome);
        Assert.Contains("Call-ID", response.Reason);
    }

    [Fact]
    public async Task A_name_is_resolved_and_an_unknown_one_fails()
    {
        using var h = new SignalHarness();
        var sender = new SipClientRequestSender(() => h.Core, new ProxyOptions { AdvertisedHost = "10.0.0.1" },
            resolve: (name, _) => Task.FromResult(name == "gw.test" ? new[] { IPAddress.Parse("192.0.2.77") } : []));

        var unknown = await sender.SendAsync(Register(Gateway with { Host = "nowhere.test" }));
        Assert.Equal(SipClientOutcome.TransportFailure, unknown.Outcome);

        _ = sender.SendAsync(Register(Gateway with { Host = "gw.test" })).AsTask();
        Assert.Equal(IPAddress.Parse("192.0.2.77"), h.TakeSingle().Target.Destination!.Address);
    }

    private static SipClientRequestSender Sender(SignalHarness h) =>
        new(() => h.Core, new ProxyOptions { AdvertisedHost = "10.0.0.1" });

    private static void Advance(SignalHarness h, TimeSpan span)
    {
        for (var done = TimeSpan.Zero; done < span; done += TimeSpan.FromMilliseconds(10))
        {
            h.Time.Advance(TimeSpan.FromMilliseconds(10));
        }
    }

    private static SipClientRequest Register(SipClientDestination destination, string callId = "reg-1@10.0.0.1") => new(
        "REGISTER",
        "sip:provider.test",
        [
            new("From", "<sip:trunk@provider.test>;tag=f1"),
            new("To", "<sip:trunk@provider.test>"),
            new("Call-ID", callId),
            new("CSeq", "1 REGISTER"),
            new("Contact", "<sip:trunk@10.0.0.1>"),
            new("Expires", "120"),
        ],
        destination);

    /// <summary>A response to <paramref name="sent"/> as the gateway would send it (its Via echoed).</summary>
    private static string Response(SentMessage sent, string statusLine, string? extraHeader = null, string cseqMethod = "REGISTER") =>
        $"SIP/2.0 {statusLine}\r\n" +
        $"Via: {sent.Headers("Via")[0]};received=10.0.0.1\r\n" +
        $"From: {sent.Headers("From")[0]}\r\n" +
        $"To: {sent.Headers("To")[0]};tag=gw1\r\n" +
        $"Call-ID: {sent.Headers("Call-ID")[0]}\r\n" +
        $"CSeq: 1 {cseqMethod}\r\n" +
        (extraHeader is null ? "" : extraHeader + "\r\n") +
        "Content-Length: 0\r\n\r\n";
}
