using Switchboard.Contracts.Media;
using Switchboard.Proxy.Media;
using Switchboard.Sip;

namespace Switchboard.Proxy.Tests.Media;

/// <summary>
/// Offer/answer in reliable provisional responses (RFC 3262) of a LAN ↔ WAN call: a late offer in a 183 with
/// <c>Require: 100rel</c> and <c>RSeq</c> is relayed and the PRACK's answer too; a PRACK may also offer anew.
/// </summary>
public sealed class MediaReliableProvisionalTests
{
    private const string CallId = "media-1@10.0.0.7";
    private const string OurRoute = "Route: <sip:192.0.2.1:5060;transport=udp;lr>\r\n";
    private static readonly string CarolSdp = TestSdp.Create("10.0.0.7", 4000);
    private static readonly string BobSdp = TestSdp.Create("203.0.113.20", 6000);
    private static readonly string[] Reliable = ["Require: 100rel", "RSeq: 1"];

    [Fact]
    public async Task A_late_offer_in_a_reliable_183_is_relayed_and_the_prack_carries_the_relayed_answer()
    {
        var harness = new MediaHarness();
        var (_, upstream) = await harness.SendAsync(TestSdp.Request());
        var invite = harness.Transport.Started[0];

        invite.Events.OnResponse(183, TestSdp.Response(invite.Message, 183, "b1", BobSdp, Reliable));
        await MediaOfferAnswerTests.WaitUntil(() => upstream.Responses.Count == 1);
        var offer = Assert.Single(harness.Relay.Calls);
        Assert.Equal(("offer", "b1", BobSdp, MediaNetwork.Lan), (offer.Kind, offer.FromTag, offer.Sdp, offer.Towards));
        string relayedOffer = TestSdp.Body(upstream.Responses[0]);
        Assert.Equal(RecordingMediaRelayControl.Relayed(MediaNetwork.Lan, harness.Relay.PortOf(CallId, "b1")), relayedOffer);

        var (_, prackUpstream) = await harness.SendAsync(Prack(CarolSdp));
        var answer = harness.Relay.Calls[^1];
        Assert.Equal(("answer", "b1", "c1", CarolSdp, MediaNetwork.Wan), (answer.Kind, answer.FromTag, answer.ToTag, answer.Sdp, answer.Towards));
        Assert.Equal(RecordingMediaRelayControl.Relayed(MediaNetwork.Wan, harness.Relay.PortOf(CallId, "c1")),
            TestSdp.Body(harness.Forwarded(SipMethod.Prack)));

        var prack = harness.Transport.Requests(SipMethod.Prack)[^1];
        prack.Events.OnResponse(200, TestSdp.Response(prack.Message, 200, "b1", null));
        await MediaOfferAnswerTests.WaitUntil(() => prackUpstream.Responses.Count == 1);
        Assert.Equal(["offer", "answer"], harness.Relay.Kinds);

        // The 2xx repeats the 183's offer: the same rewrite, and the ACK is not awaited as an answer.
        invite.Events.OnResponse(200, TestSdp.Response(invite.Message, 200, "b1", BobSdp));
        await MediaOfferAnswerTests.WaitUntil(() => upstream.Responses.Count == 2);
        Assert.Equal(relayedOffer, TestSdp.Body(upstream.Responses[1]));
        await harness.SendAsync(Ack(CarolSdp));
        Assert.Equal(["offer", "answer", "offer"], harness.Relay.Kinds);
        Assert.Equal(CarolSdp, TestSdp.Body(harness.Forwarded(SipMethod.Ack)));
    }

    [Fact]
    public async Task A_retransmitted_reliable_183_gets_the_same_rewrite_and_opens_no_second_answer()
    {
        var harness = new MediaHarness();
        var (_, upstream) = await harness.SendAsync(TestSdp.Request());
        var invite = harness.Transport.Started[0];
        byte[] reliable183 = TestSdp.Response(invite.Message, 183, "b1", BobSdp, Reliable);

        invite.Events.OnResponse(183, reliable183);
        invite.Events.OnResponse(183, reliable183);
        await MediaOfferAnswerTests.WaitUntil(() => upstream.Responses.Count == 2);
        Assert.Equal(TestSdp.Body(upstream.Responses[0]), TestSdp.Body(upstream.Responses[1]));
        await harness.SendAsync(Prack(CarolSdp));
        invite.Events.OnResponse(183, reliable183); // late retransmission, after the PRACK
        invite.Events.OnResponse(200, TestSdp.Response(invite.Message, 200, "b1", null));
        await MediaOfferAnswerTests.WaitUntil(() => upstream.Responses.Count == 4);

        await harness.SendAsync(Ack(CarolSdp));
        Assert.Equal(["offer", "offer", "answer", "offer"], harness.Relay.Kinds);
        Assert.Equal(CarolSdp, TestSdp.Body(harness.Forwarded(SipMethod.Ack)));
    }

    [Fact]
    public async Task A_prack_with_a_new_offer_updates_the_relay_and_its_200_answer_is_rewritten()
    {
        var harness = new MediaHarness();
        await harness.SendAsync(TestSdp.Request(sdp: CarolSdp));
        var invite = harness.Transport.Started[0];
        invite.Events.OnResponse(183, TestSdp.Response(invite.Message, 183, "b1", BobSdp, Reliable));
        string moved = TestSdp.Create("10.0.0.7", 4100);

        var (_, prackUpstream) = await harness.SendAsync(Prack(moved));
        var update = harness.Relay.Calls[^1];
        Assert.Equal(("update", "c1", moved, MediaNetwork.Wan), (update.Kind, update.FromTag, update.Sdp, update.Towards));
        Assert.Equal(RecordingMediaRelayControl.Relayed(MediaNetwork.Wan, harness.Relay.PortOf(CallId, "c1")),
            TestSdp.Body(harness.Forwarded(SipMethod.Prack)));

        var prack = harness.Transport.Requests(SipMethod.Prack)[^1];
        string bobMoved = TestSdp.Create("203.0.113.20", 6100);
        prack.Events.OnResponse(200, TestSdp.Response(prack.Message, 200, "b1", bobMoved));
        await MediaOfferAnswerTests.WaitUntil(() => prackUpstream.Responses.Count == 1);
        var answer = harness.Relay.Calls[^1];
        Assert.Equal(("answer", "c1", "b1", bobMoved, MediaNetwork.Lan), (answer.Kind, answer.FromTag, answer.ToTag, answer.Sdp, answer.Towards));
        Assert.Equal(RecordingMediaRelayControl.Relayed(MediaNetwork.Lan, harness.Relay.PortOf(CallId, "b1")),
            TestSdp.Body(prackUpstream.Responses[0]));
    }

    [Fact]
    public async Task Sdp_in_an_unreliable_183_to_an_invite_without_offer_passes_unchanged()
    {
        var harness = new MediaHarness();
        var (_, upstream) = await harness.SendAsync(TestSdp.Request());
        var invite = harness.Transport.Started[0];

        invite.Events.OnResponse(183, TestSdp.Response(invite.Message, 183, "b1", BobSdp));
        await MediaOfferAnswerTests.WaitUntil(() => upstream.Responses.Count == 1);

        Assert.Empty(harness.Relay.Calls);
        Assert.Equal(BobSdp, TestSdp.Body(upstream.Responses[0]));
    }

    [Fact]
    public async Task A_prack_without_sdp_asks_the_relay_nothing()
    {
        var harness = new MediaHarness();
        await harness.SendAsync(TestSdp.Request(sdp: CarolSdp));
        var invite = harness.Transport.Started[0];
        invite.Events.OnResponse(183, TestSdp.Response(invite.Message, 183, "b1", BobSdp, Reliable));
        await MediaOfferAnswerTests.WaitUntil(() => harness.Relay.Calls.Count == 2);

        await harness.SendAsync(Prack(null));

        Assert.Equal(["offer", "answer"], harness.Relay.Kinds);
        Assert.Equal("", TestSdp.Body(harness.Forwarded(SipMethod.Prack)));
    }

    [Theory]
    [InlineData(183, "Require: 100rel|RSeq: 1", true)]
    [InlineData(180, "Require: timer, 100REL|RSeq: 7", true)]
    [InlineData(183, "Require: timer|Require: 100rel|RSeq: 2", true)]
    [InlineData(183, "Require: 100rel", false)]
    [InlineData(183, "RSeq: 1", false)]
    [InlineData(183, "Require: 100relx|RSeq: 1", false)]
    [InlineData(200, "Require: 100rel|RSeq: 1", false)]
    public void A_reliable_provisional_has_rseq_and_requires_100rel(int status, string headers, bool reliable)
    {
        SipMessage request = TestMessages.Parse(TestSdp.Request());
        SipMessage response = TestMessages.Parse(TestSdp.Response(request, status, "b1", null, headers.Split('|')));

        Assert.Equal(reliable, MediaMessages.IsReliableProvisional(response));
    }

    private static string Prack(string? sdp) => TestSdp.Request("PRACK", "sip:bob@203.0.113.20:5070", sdp, toTag: "b1", cseq: 2,
        via: $"SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bK-prack-{Guid.NewGuid():N}", extra: OurRoute + "RAck: 1 1 INVITE\r\n");

    private static string Ack(string sdp) => TestSdp.Request("ACK", "sip:bob@203.0.113.20:5070", sdp, toTag: "b1",
        via: "SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bK-ack", extra: OurRoute);
}
