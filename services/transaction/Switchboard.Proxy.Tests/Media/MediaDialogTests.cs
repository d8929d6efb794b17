using Switchboard.Contracts.Media;
using Switchboard.Proxy.Media;
using Switchboard.Sip;

namespace Switchboard.Proxy.Tests.Media;

/// <summary>A relayed call's later life: re-INVITE updates, BYE/CANCEL/failure deletes, and a relay that cannot be had.</summary>
public sealed class MediaDialogTests
{
    private const string CallId = "media-1@10.0.0.7";
    private const string OurRoute = "Route: <sip:192.0.2.1:5060;transport=udp;lr>\r\n";
    private static readonly string CarolSdp = TestSdp.Create("10.0.0.7", 4000);
    private static readonly string BobSdp = TestSdp.Create("203.0.113.20", 6000);

    private static async Task<MediaHarness> EstablishedAsync()
    {
        var harness = new MediaHarness();
        await harness.SendAsync(TestSdp.Request(sdp: CarolSdp));
        var branch = harness.Transport.Started[0];
        branch.Events.OnResponse(200, TestSdp.Response(branch.Message, 200, "b1", BobSdp));
        return harness;
    }

    [Fact]
    public async Task A_re_invite_from_the_caller_updates_the_relay_and_its_answer_is_rewritten()
    {
        var harness = await EstablishedAsync();
        string moved = TestSdp.Create("10.0.0.7", 4100);

        var (_, upstream) = await harness.SendAsync(TestSdp.Request("INVITE", "sip:bob@203.0.113.20:5070", moved, toTag: "b1", cseq: 2,
            via: "SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bK-reinvite", extra: OurRoute));
        var update = harness.Relay.Calls[^1];
        Assert.Equal(("update", "c1", moved, MediaNetwork.Wan), (update.Kind, update.FromTag, update.Sdp, update.Towards));
        SipMessage reinvite = harness.Forwarded(SipMethod.Invite);
        Assert.Equal(RecordingMediaRelayControl.Relayed(MediaNetwork.Wan, harness.Relay.PortOf(CallId, "c1")), TestSdp.Body(reinvite));

        var branch = harness.Transport.Requests(SipMethod.Invite)[^1];
        branch.Events.OnResponse(200, TestSdp.Response(branch.Message, 200, "b1", BobSdp));
        var answer = harness.Relay.Calls[^1];
        Assert.Equal(("answer", "c1", "b1", MediaNetwork.Lan), (answer.Kind, answer.FromTag, answer.ToTag, answer.Towards));
        Assert.StartsWith("v=0", TestSdp.Body(Assert.Single(upstream.Responses)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_re_invite_from_the_callee_is_sent_towards_the_lan()
    {
        var harness = await EstablishedAsync();
        string moved = TestSdp.Create("203.0.113.20", 6100);

        await harness.SendAsync(TestSdp.Request("INVITE", "sip:carol@10.0.0.7:5060", moved, fromTag: "b1", toTag: "c1", cseq: 1,
            via: "SIP/2.0/UDP 203.0.113.20:5070;branch=z9hG4bK-callee-re", extra: OurRoute), ProxyHarness.Udp("203.0.113.20", 5070));

        var update = harness.Relay.Calls[^1];
        Assert.Equal(("update", "b1", MediaNetwork.Lan), (update.Kind, update.FromTag, update.Towards));
        Assert.Equal(RecordingMediaRelayControl.Relayed(MediaNetwork.Lan, harness.Relay.PortOf(CallId, "b1")), TestSdp.Body(harness.Forwarded(SipMethod.Invite)));
    }

    [Fact]
    public async Task An_update_request_updates_the_relay_too()
    {
        var harness = await EstablishedAsync();

        await harness.SendAsync(TestSdp.Request("UPDATE", "sip:bob@203.0.113.20:5070", TestSdp.Create("10.0.0.7", 4200), toTag: "b1", cseq: 3,
            via: "SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bK-update", extra: OurRoute));

        Assert.Equal("update", harness.Relay.Calls[^1].Kind);
        Assert.StartsWith("v=0", TestSdp.Body(harness.Forwarded(SipMethod.Update)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bye_deletes_the_relay_and_later_requests_are_left_alone()
    {
        var harness = await EstablishedAsync();

        await harness.SendAsync(TestSdp.Request("BYE", "sip:bob@203.0.113.20:5070", toTag: "b1", cseq: 2,
            via: "SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bK-bye", extra: OurRoute));
        int calls = harness.Relay.Calls.Count;
        await harness.SendAsync(TestSdp.Request("INVITE", "sip:bob@203.0.113.20:5070", CarolSdp, toTag: "b1", cseq: 3,
            via: "SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bK-late-reinvite", extra: OurRoute));

        Assert.Equal(CallId, Assert.Single(harness.Relay.Deletes).CallId);
        Assert.Equal(calls, harness.Relay.Calls.Count);
    }

    [Fact]
    public async Task A_failure_response_deletes_the_relay()
    {
        var harness = new MediaHarness();
        var (_, upstream) = await harness.SendAsync(TestSdp.Request(sdp: CarolSdp));
        var branch = harness.Transport.Started[0];

        branch.Events.OnResponse(486, TestSdp.Response(branch.Message, 486, "b1", null));

        Assert.Equal([486], upstream.Statuses);
        Assert.Equal(CallId, Assert.Single(harness.Relay.Deletes).CallId);
    }

    [Fact]
    public async Task A_cancel_deletes_the_relay()
    {
        var harness = new MediaHarness();
        var (_, upstream) = await harness.SendAsync(TestSdp.Request(sdp: CarolSdp));
        var branch = harness.Transport.Started[0];
        branch.Events.OnResponse(180, TestSdp.Response(branch.Message, 180, "b1", null));

        await harness.SendAsync(TestSdp.Request("CANCEL"));
        branch.Events.OnResponse(487, TestSdp.Response(branch.Message, 487, "b1", null));

        Assert.Contains(487, upstream.Statuses);
        Assert.Equal(CallId, Assert.Single(harness.Relay.Deletes).CallId);
    }

    [Fact]
    public async Task An_unreachable_relay_lets_the_call_proceed_unrelayed_by_default()
    {
        var harness = new MediaHarness();
        harness.Relay.OfferFailure = MediaControlResult.Unavailable("no media-proxy instance is available");

        await harness.SendAsync(TestSdp.Request(sdp: CarolSdp));

        SipMessage invite = harness.Forwarded(SipMethod.Invite);
        Assert.Equal(CarolSdp, TestSdp.Body(invite));
        Assert.Empty(TestMessages.Values(invite, HeaderKind.RecordRoute));
    }

    [Theory]
    [InlineData(MediaRelayFailureAction.Reject488, 488)]
    [InlineData(MediaRelayFailureAction.Reject500, 500)]
    public async Task An_unreachable_relay_fails_the_call_when_configured(MediaRelayFailureAction action, int status)
    {
        var harness = new MediaHarness(configure: o => o.Media.OnRelayFailure = action);
        harness.Relay.ThrowOnOffer = true;

        var (_, upstream) = await harness.SendAsync(TestSdp.Request(sdp: CarolSdp));

        Assert.Empty(harness.Transport.Started);
        Assert.Equal([status], upstream.Statuses);
    }

    [Fact]
    public async Task A_relay_out_of_ports_that_is_set_to_fail_is_honoured()
    {
        var harness = new MediaHarness();
        harness.Relay.OfferFailure = new MediaControlResult(MediaControlStatus.PortsExhausted, default, 488, "relay ports exhausted", "r1");

        var (_, upstream) = await harness.SendAsync(TestSdp.Request(sdp: CarolSdp));

        Assert.Empty(harness.Transport.Started);
        Assert.Equal([488], upstream.Statuses);
    }

    [Fact]
    public async Task A_relay_out_of_ports_that_passes_through_lets_the_call_go_up_unchanged()
    {
        var harness = new MediaHarness(configure: o => o.Media.OnRelayFailure = MediaRelayFailureAction.Reject500);
        harness.Relay.OfferFailure = new MediaControlResult(MediaControlStatus.PassedThrough, System.Text.Encoding.ASCII.GetBytes(CarolSdp), 0, null, "r1");

        await harness.SendAsync(TestSdp.Request(sdp: CarolSdp));

        Assert.Equal(CarolSdp, TestSdp.Body(harness.Forwarded(SipMethod.Invite)));
    }

    [Fact]
    public async Task When_a_lan_fork_answers_the_relay_made_for_the_wan_fork_is_deleted()
    {
        var harness = new MediaHarness();
        harness.Registrar.Add("sip:bob@example.com", "sip:bob@10.0.0.9:5060");
        var (_, upstream) = await harness.SendAsync(TestSdp.Request(sdp: CarolSdp));

        var branches = harness.Transport.Requests(SipMethod.Invite);
        Assert.Equal(2, branches.Count);
        var lan = branches.Single(b => TestSdp.Body(b.Message) == CarolSdp);
        Assert.Single(branches, b => TestSdp.Body(b.Message) == RecordingMediaRelayControl.Relayed(MediaNetwork.Wan, 30000));
        string lanSdp = TestSdp.Create("10.0.0.9", 5000);
        lan.Events.OnResponse(200, TestSdp.Response(lan.Message, 200, "b2", lanSdp));

        Assert.Equal(lanSdp, TestSdp.Body(Assert.Single(upstream.Responses)));
        Assert.Equal(["offer"], harness.Relay.Kinds);
        Assert.Equal(CallId, Assert.Single(harness.Relay.Deletes).CallId);
    }

    [Fact]
    public async Task A_relayed_call_never_ended_is_forgotten_after_its_lifetime()
    {
        var harness = await EstablishedAsync();

        harness.Time.Advance(TimeSpan.FromHours(13));
        await harness.SendAsync(TestSdp.Request(sdp: CarolSdp, callId: "media-2@10.0.0.7", via: "SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bK-media-2"));
        await harness.SendAsync(TestSdp.Request("BYE", "sip:bob@203.0.113.20:5070", toTag: "b1", cseq: 2,
            via: "SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bK-old-bye", extra: OurRoute));

        Assert.Empty(harness.Relay.Deletes); // the relay timed the old call out on its own long ago
    }
}
