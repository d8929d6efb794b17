using Switchboard.Contracts.Media;
using Switchboard.Sip;

namespace Switchboard.Proxy.Tests.Media;

/// <summary>The SDP of a LAN ↔ WAN call goes through the relay: the offer per INVITE, the answer in 183/200.</summary>
public sealed class MediaOfferAnswerTests
{
    private static readonly string CarolSdp = TestSdp.Create("10.0.0.7", 4000);
    private static readonly string BobSdp = TestSdp.Create("203.0.113.20", 6000);

    [Fact]
    public async Task An_invite_from_the_lan_to_the_wan_carries_the_relay_offer_and_is_record_routed()
    {
        var harness = new MediaHarness();

        await harness.SendAsync(TestSdp.Request(sdp: CarolSdp));

        var (kind, callId, fromTag, _, sdp, towards) = Assert.Single(harness.Relay.Calls);
        Assert.Equal(("offer", "media-1@10.0.0.7", "c1", CarolSdp, MediaNetwork.Wan), (kind, callId, fromTag, sdp, towards));
        SipMessage invite = harness.Forwarded(SipMethod.Invite);
        Assert.Equal(RecordingMediaRelayControl.Relayed(MediaNetwork.Wan, 30000), TestSdp.Body(invite));
        Assert.Equal(["<sip:192.0.2.1:5060;transport=udp;lr>"], TestMessages.Values(invite, HeaderKind.RecordRoute));
    }

    [Fact]
    public async Task An_invite_within_the_lan_is_neither_relayed_nor_record_routed()
    {
        var harness = new MediaHarness(bobContact: "sip:bob@10.0.0.9:5060");

        await harness.SendAsync(TestSdp.Request(sdp: CarolSdp));

        Assert.Empty(harness.Relay.Calls);
        SipMessage invite = harness.Forwarded(SipMethod.Invite);
        Assert.Equal(CarolSdp, TestSdp.Body(invite));
        Assert.Empty(TestMessages.Values(invite, HeaderKind.RecordRoute));
    }

    [Fact]
    public async Task Force_relaying_relays_a_call_within_the_lan_towards_the_lan()
    {
        var harness = new MediaHarness(bobContact: "sip:bob@10.0.0.9:5060", configure: o => o.ForceRelaying = true);

        await harness.SendAsync(TestSdp.Request(sdp: CarolSdp));

        Assert.Equal(MediaNetwork.Lan, Assert.Single(harness.Relay.Calls).Towards);
        Assert.Equal(RecordingMediaRelayControl.Relayed(MediaNetwork.Lan, 30000), TestSdp.Body(harness.Forwarded(SipMethod.Invite)));
    }

    [Theory]
    [InlineData(183)]
    [InlineData(200)]
    public async Task The_answer_in_a_183_or_200_is_rewritten_towards_the_caller(int status)
    {
        var harness = new MediaHarness();
        var (_, upstream) = await harness.SendAsync(TestSdp.Request(sdp: CarolSdp));
        var branch = harness.Transport.Started[0];

        branch.Events.OnResponse(status, TestSdp.Response(branch.Message, status, "b1", BobSdp));

        var answer = harness.Relay.Calls[^1];
        Assert.Equal(("answer", "c1", "b1", BobSdp, MediaNetwork.Lan), (answer.Kind, answer.FromTag, answer.ToTag, answer.Sdp, answer.Towards));
        SipMessage response = Assert.Single(upstream.Responses);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(RecordingMediaRelayControl.Relayed(MediaNetwork.Lan, harness.Relay.PortOf("media-1@10.0.0.7", "b1")), TestSdp.Body(response));
    }

    [Fact]
    public async Task Responses_keep_their_order_while_a_slow_relay_rewrites_an_earlier_one()
    {
        var harness = new MediaHarness();
        var (_, upstream) = await harness.SendAsync(TestSdp.Request(sdp: CarolSdp));
        var branch = harness.Transport.Started[0];
        harness.Relay.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        branch.Events.OnResponse(183, TestSdp.Response(branch.Message, 183, "b1", BobSdp));
        branch.Events.OnResponse(180, TestSdp.Response(branch.Message, 180, "b1", null));
        Assert.Empty(upstream.Responses); // the 180 waits behind the 183
        harness.Relay.Gate.SetResult();

        await WaitUntil(() => upstream.Statuses.Count == 2);
        Assert.Equal([183, 180], upstream.Statuses);
        Assert.StartsWith("v=0", TestSdp.Body(upstream.Responses[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_without_sdp_passes_unchanged_and_asks_nothing()
    {
        var harness = new MediaHarness();
        var (_, upstream) = await harness.SendAsync(TestSdp.Request(sdp: CarolSdp));
        var branch = harness.Transport.Started[0];

        branch.Events.OnResponse(180, TestSdp.Response(branch.Message, 180, "b1", null));

        Assert.Equal(["offer"], harness.Relay.Kinds);
        Assert.Equal([180], upstream.Statuses);
    }

    [Fact]
    public async Task A_late_offer_in_the_200_is_relayed_and_its_answer_in_the_ack_too()
    {
        var harness = new MediaHarness();
        var (_, upstream) = await harness.SendAsync(TestSdp.Request());
        var branch = harness.Transport.Started[0];
        Assert.Empty(harness.Relay.Calls);
        Assert.NotEmpty(TestMessages.Values(branch.Message, HeaderKind.RecordRoute)); // the ACK must come by us

        branch.Events.OnResponse(200, TestSdp.Response(branch.Message, 200, "b1", BobSdp));
        await harness.SendAsync(TestSdp.Request("ACK", "sip:bob@203.0.113.20:5070", CarolSdp, toTag: "b1",
            extra: "Route: <sip:192.0.2.1:5060;transport=udp;lr>\r\n"));

        Assert.Equal(["offer", "answer"], harness.Relay.Kinds);
        var offer = harness.Relay.Calls[0];
        Assert.Equal(("b1", BobSdp, MediaNetwork.Lan), (offer.FromTag, offer.Sdp, offer.Towards));
        Assert.Equal(RecordingMediaRelayControl.Relayed(MediaNetwork.Lan, 30000), TestSdp.Body(Assert.Single(upstream.Responses)));
        var answer = harness.Relay.Calls[1];
        Assert.Equal(("b1", "c1", CarolSdp, MediaNetwork.Wan), (answer.FromTag, answer.ToTag, answer.Sdp, answer.Towards));
        Assert.Equal(RecordingMediaRelayControl.Relayed(MediaNetwork.Wan, 30002), TestSdp.Body(harness.Forwarded(SipMethod.Ack)));
    }

    internal static async Task WaitUntil(Func<bool> condition)
    {
        for (int i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "timed out waiting");
    }
}
