using Switchboard.Contracts.Sip;
using Switchboard.Sip;

namespace Switchboard.Proxy.Tests.Media;

/// <summary>
/// The manual's removal of abandoned calls: a relayed, confirmed call whose media timed out is ended by the proxy
/// with a BYE to each side (Proxy:Media:EndCallOnTimeout), routed as the other side would route it.
/// </summary>
public sealed class MediaTimeoutByeTests
{
    private const string CallId = "media-1@10.0.0.7";
    private const string Upstream = "<sip:p1.example.org;lr>";
    private const string Downstream = "<sip:p2.example.net;lr>";
    private const string NearCallee = "<sip:p3.example.net;transport=tcp;lr>";
    private const string OurRoute = "Route: <sip:192.0.2.1:5060;transport=udp;lr>\r\n";
    private const string Reason = "SIP;cause=408;text=\"media timeout\"";
    private static readonly string CarolSdp = TestSdp.Create("10.0.0.7", 4000);
    private static readonly string BobSdp = TestSdp.Create("203.0.113.20", 6000);

    /// <summary>carol (LAN, behind p1) calls bob (WAN, behind p2 then p3): INVITE, 200 with p3's, p2's and our Record-Route, ACK.</summary>
    private static async Task<MediaHarness> EstablishedAsync(bool endCalls = true)
    {
        var harness = new MediaHarness(configure: o => o.Media.EndCallOnTimeout = endCalls);
        await harness.SendAsync(TestSdp.Request(sdp: CarolSdp, extra: $"Record-Route: {Upstream}\r\n"));
        var branch = harness.Transport.Started[0];
        var recordRoutes = TestMessages.Values(branch.Message, HeaderKind.RecordRoute);
        branch.Events.OnResponse(200, TestSdp.Response(branch.Message, 200, "b1", BobSdp,
            [$"Record-Route: {NearCallee}, {Downstream}", .. recordRoutes.Select(r => $"Record-Route: {r}"), "Contact: <sip:bob@203.0.113.20:5070>"]));
        await harness.SendAsync(TestSdp.Request("ACK", "sip:bob@203.0.113.20:5070", toTag: "b1", via: "SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bK-ack", extra: OurRoute));
        return harness;
    }

    private static List<string> Byes(MediaHarness harness) => [.. harness.Transport.Requests(SipMethod.Bye).Select(b => b.Text)];

    [Fact]
    public async Task A_timed_out_call_gets_a_bye_to_the_callee_as_the_caller_would_send_it()
    {
        var harness = await EstablishedAsync();

        Assert.Equal(2, harness.Proxy.EndCallOnMediaTimeout(CallId));

        var bye = harness.Transport.Requests(SipMethod.Bye)[0];
        SipMessage m = bye.Message;
        Assert.Equal("sip:bob@203.0.113.20:5070", m.GetString(m.RequestUri));
        Assert.Equal([Downstream, NearCallee], TestMessages.Values(m, HeaderKind.Route));
        Assert.Equal("<sip:carol@example.com>;tag=c1", Assert.Single(TestMessages.Values(m, HeaderKind.From)));
        Assert.Equal("<sip:bob@example.com>;tag=b1", Assert.Single(TestMessages.Values(m, HeaderKind.To)));
        Assert.Equal(CallId, Assert.Single(TestMessages.Values(m, HeaderKind.CallId)));
        Assert.Equal("2 BYE", Assert.Single(TestMessages.Values(m, HeaderKind.CSeq)));
        Assert.Contains($"Reason: {Reason}\r\n", bye.Text, StringComparison.Ordinal);
        Assert.StartsWith("SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK", Assert.Single(TestMessages.Values(m, HeaderKind.Via)), StringComparison.Ordinal);
        Assert.Equal(harness.Transport.Started[0].Request.Target, bye.Request.Target); // where the INVITE went
        Assert.Equal("BYE", bye.Request.MethodToken);
    }

    [Fact]
    public async Task A_timed_out_call_gets_a_bye_to_the_caller_with_tags_swapped_on_its_flow()
    {
        var harness = await EstablishedAsync();

        harness.Proxy.EndCallOnMediaTimeout(CallId);

        var bye = harness.Transport.Requests(SipMethod.Bye)[1];
        SipMessage m = bye.Message;
        Assert.Equal("sip:carol@10.0.0.7:5060", m.GetString(m.RequestUri));
        Assert.Equal([Upstream], TestMessages.Values(m, HeaderKind.Route));
        Assert.Equal("<sip:bob@example.com>;tag=b1", Assert.Single(TestMessages.Values(m, HeaderKind.From)));
        Assert.Equal("<sip:carol@example.com>;tag=c1", Assert.Single(TestMessages.Values(m, HeaderKind.To)));
        Assert.Equal(CallId, Assert.Single(TestMessages.Values(m, HeaderKind.CallId)));
        Assert.Equal("1 BYE", Assert.Single(TestMessages.Values(m, HeaderKind.CSeq)));
        Assert.Contains($"Reason: {Reason}\r\n", bye.Text, StringComparison.Ordinal);
        Assert.Equal(SendTarget.ToFlow(MediaHarness.Carol), bye.Request.Target);
        Assert.NotEqual(harness.Transport.Requests(SipMethod.Bye)[0].Request.Branch, bye.Request.Branch);
    }

    [Fact]
    public async Task The_timeout_forgets_the_call_and_deletes_its_relay()
    {
        var harness = await EstablishedAsync();

        harness.Proxy.EndCallOnMediaTimeout(CallId);

        Assert.Equal(CallId, Assert.Single(harness.Relay.Deletes).CallId);
        Assert.Equal(0, harness.Proxy.EndCallOnMediaTimeout(CallId)); // a second event (another relay instance) sends nothing
        Assert.Equal(2, Byes(harness).Count);
    }

    [Fact]
    public async Task In_dialog_requests_raise_the_cseq_of_their_side()
    {
        var harness = await EstablishedAsync();
        await harness.SendAsync(TestSdp.Request("INVITE", "sip:bob@203.0.113.20:5070", CarolSdp, toTag: "b1", cseq: 5,
            via: "SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bK-reinvite", extra: OurRoute));
        await harness.SendAsync(TestSdp.Request("UPDATE", "sip:carol@10.0.0.7:5060", BobSdp, fromTag: "b1", toTag: "c1", cseq: 41,
            via: "SIP/2.0/UDP 203.0.113.20:5070;branch=z9hG4bK-callee-update", extra: OurRoute), ProxyHarness.Udp("203.0.113.20", 5070));

        harness.Proxy.EndCallOnMediaTimeout(CallId);

        var byes = harness.Transport.Requests(SipMethod.Bye);
        Assert.Equal("6 BYE", Assert.Single(TestMessages.Values(byes[0].Message, HeaderKind.CSeq)));
        Assert.Equal("42 BYE", Assert.Single(TestMessages.Values(byes[1].Message, HeaderKind.CSeq)));
    }

    [Fact]
    public async Task A_call_already_ended_by_bye_is_not_ended_again()
    {
        var harness = await EstablishedAsync();
        await harness.SendAsync(TestSdp.Request("BYE", "sip:bob@203.0.113.20:5070", toTag: "b1", cseq: 2,
            via: "SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bK-bye", extra: OurRoute));
        int sent = harness.Transport.Requests(SipMethod.Bye).Count; // the caller's own BYE, forwarded

        Assert.Equal(0, harness.Proxy.EndCallOnMediaTimeout(CallId));
        Assert.Equal(sent, harness.Transport.Requests(SipMethod.Bye).Count);
    }

    [Fact]
    public async Task An_unknown_call_is_left_alone()
    {
        var harness = await EstablishedAsync();

        Assert.Equal(0, harness.Proxy.EndCallOnMediaTimeout("someone-else@10.0.0.9"));
        Assert.Empty(Byes(harness));
        Assert.Empty(harness.Relay.Deletes);
    }

    [Fact]
    public async Task With_the_option_off_nothing_is_sent()
    {
        var harness = await EstablishedAsync(endCalls: false);

        Assert.Equal(0, harness.Proxy.EndCallOnMediaTimeout(CallId));
        Assert.Empty(Byes(harness));
        Assert.Empty(harness.Relay.Deletes);
    }

    [Fact]
    public async Task A_call_that_was_never_answered_is_left_alone()
    {
        var harness = new MediaHarness(configure: o => o.Media.EndCallOnTimeout = true);
        await harness.SendAsync(TestSdp.Request(sdp: CarolSdp));
        var branch = harness.Transport.Started[0];
        branch.Events.OnResponse(183, TestSdp.Response(branch.Message, 183, "b1", BobSdp, "Contact: <sip:bob@203.0.113.20:5070>"));

        Assert.Equal(0, harness.Proxy.EndCallOnMediaTimeout(CallId));
        Assert.Empty(Byes(harness));
    }

    [Fact]
    public async Task Without_proxies_around_the_byes_carry_no_route()
    {
        var harness = new MediaHarness(configure: o => o.Media.EndCallOnTimeout = true);
        await harness.SendAsync(TestSdp.Request(sdp: CarolSdp));
        var branch = harness.Transport.Started[0];
        var recordRoutes = TestMessages.Values(branch.Message, HeaderKind.RecordRoute);
        branch.Events.OnResponse(200, TestSdp.Response(branch.Message, 200, "b1", BobSdp,
            [.. recordRoutes.Select(r => $"Record-Route: {r}"), "Contact: <sip:bob@203.0.113.20:5070>"]));

        Assert.Equal(2, harness.Proxy.EndCallOnMediaTimeout(CallId));
        Assert.All(harness.Transport.Requests(SipMethod.Bye), b => Assert.Empty(TestMessages.Values(b.Message, HeaderKind.Route)));
    }

    [Fact]
    public async Task Calls_beyond_the_limit_are_not_kept()
    {
        var harness = new MediaHarness(configure: o => (o.Media.EndCallOnTimeout, o.Media.EndCallLimit) = (true, 1));
        foreach (string callId in new[] { "first@10.0.0.7", "second@10.0.0.7" })
        {
            await harness.SendAsync(TestSdp.Request(sdp: CarolSdp, callId: callId, via: $"SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bK-{callId[..5]}"));
            var branch = harness.Transport.Started[^1];
            branch.Events.OnResponse(200, TestSdp.Response(branch.Message, 200, "b1", BobSdp, "Contact: <sip:bob@203.0.113.20:5070>"));
        }

        Assert.Equal(0, harness.Proxy.EndCallOnMediaTimeout("second@10.0.0.7"));
        Assert.Equal(2, harness.Proxy.EndCallOnMediaTimeout("first@10.0.0.7"));
    }
}
