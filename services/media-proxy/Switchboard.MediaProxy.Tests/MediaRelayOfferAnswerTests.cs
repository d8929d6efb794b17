using System.Net;
using Microsoft.Extensions.Time.Testing;
using Switchboard.MediaProxy.Sdp;
using Xunit;

namespace Switchboard.MediaProxy.Tests;

/// <summary>Offer/answer bookkeeping: ports, idempotency, updates, exhaustion, delete. Sockets bind but carry no media.</summary>
public sealed class MediaRelayOfferAnswerTests : IDisposable
{
    private const int FirstPort = 41000;
    private readonly FakeTimeProvider _time = new();
    private readonly MediaRelay _relay;

    public MediaRelayOfferAnswerTests() => _relay = TestRelay.Create(_time, FirstPort);

    public void Dispose() => _relay.Dispose();

    [Fact]
    public void Offer_and_answer_point_each_side_at_its_own_relay_port()
    {
        var offer = _relay.Offer("call-1", "a", TestSdp.Audio(5000), MediaSide.Wan);
        var answer = _relay.Answer("call-1", "a", "b", TestSdp.Audio(6000, "10.0.0.2"), MediaSide.Lan);

        Assert.Equal(MediaRelayStatus.Relayed, offer.Status);
        Assert.Equal(MediaRelayStatus.Relayed, answer.Status);
        var offered = TestSdp.Parse(offer.Sdp);
        var answered = TestSdp.Parse(answer.Sdp);
        Assert.Equal(IPAddress.Parse("127.0.0.2"), offered.SessionConnection!.Address); // WAN address towards the callee
        Assert.Equal(IPAddress.Loopback, answered.SessionConnection!.Address);          // LAN address towards the caller
        var session = _relay.GetSession("call-1")!;
        var stream = Assert.Single(session.Streams);
        Assert.Equal(stream.CalleePort, offered.Media[0].Port);
        Assert.Equal(stream.CallerPort, answered.Media[0].Port);
        Assert.NotEqual(stream.CallerPort, stream.CalleePort);
        Assert.All([stream.CallerPort, stream.CalleePort], port => Assert.Equal(0, port % 2));
        Assert.Equal(("a", "b"), (session.CallerTag, session.CalleeTag));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.2"), 6000), stream.CalleePeer);
        Assert.False(stream.CalleeLatched);
    }

    [Fact]
    public void Retransmitted_offer_gets_the_same_ports_and_bytes()
    {
        var first = _relay.Offer("call-2", "a", TestSdp.Audio(5000), MediaSide.Wan);

        var second = _relay.Offer("call-2", "a", TestSdp.Audio(5000), MediaSide.Wan);

        Assert.Equal(first.Sdp.ToArray(), second.Sdp.ToArray());
        Assert.Equal(2, _relay.Metrics.PortPairsInUse);
        Assert.Equal(1, _relay.Metrics.ActiveStreams);
    }

    [Fact]
    public void Update_adds_a_stream_and_port_zero_releases_one()
    {
        _relay.Offer("call-3", "a", TestSdp.Audio(5000), MediaSide.Wan);
        _relay.Answer("call-3", "a", "b", TestSdp.Audio(6000), MediaSide.Lan);
        var audioPort = _relay.GetSession("call-3")!.Streams[0].CalleePort;

        var withVideo = _relay.Update("call-3", "b", TestSdp.AudioVideo(6000, 6002, version: 2), MediaSide.Wan);

        Assert.Equal(MediaRelayStatus.Relayed, withVideo.Status);
        Assert.Equal(2, _relay.GetSession("call-3")!.Streams.Count);
        Assert.Equal(4, _relay.Metrics.PortPairsInUse);
        Assert.Equal(_relay.GetSession("call-3")!.Streams[0].CallerPort, TestSdp.Port(withVideo.Sdp, 0));
        Assert.Equal(audioPort, _relay.GetSession("call-3")!.Streams[0].CalleePort);

        var audioOff = _relay.Update("call-3", "a", TestSdp.AudioVideo(0, 5002, version: 2), MediaSide.Wan);

        Assert.Equal(0, TestSdp.Port(audioOff.Sdp, 0));
        var remaining = Assert.Single(_relay.GetSession("call-3")!.Streams);
        Assert.Equal(1, remaining.Index);
        Assert.Equal(2, _relay.Metrics.PortPairsInUse);
        Assert.Equal(2, _relay.Metrics.PortPairsInQuarantine);
    }

    [Fact]
    public void Answer_rejecting_a_stream_releases_its_ports()
    {
        _relay.Offer("call-4", "a", TestSdp.AudioVideo(5000, 5002), MediaSide.Wan);

        var answer = _relay.Answer("call-4", "a", "b", TestSdp.AudioVideo(6000, 0), MediaSide.Lan);

        Assert.Equal(0, TestSdp.Port(answer.Sdp, 1));
        Assert.Single(_relay.GetSession("call-4")!.Streams);
        Assert.Equal(2, _relay.Metrics.PortPairsInUse);
    }

    [Fact]
    public void Rtcp_mux_on_both_sides_is_reported()
    {
        _relay.Offer("call-5", "a", TestSdp.Audio(5000, rtcpMux: true), MediaSide.Wan);
        Assert.False(_relay.GetSession("call-5")!.Streams[0].RtcpMux);

        _relay.Answer("call-5", "a", "b", TestSdp.Audio(6000, rtcpMux: true), MediaSide.Lan);

        Assert.True(_relay.GetSession("call-5")!.Streams[0].RtcpMux);
    }

    [Fact]
    public void Unknown_session_leg_or_bad_sdp_are_clear_results()
    {
        Assert.Equal(MediaRelayStatus.SessionNotFound, _relay.Answer("nope", "a", "b", TestSdp.Audio(1), MediaSide.Lan).Status);
        Assert.Equal(MediaRelayStatus.SessionNotFound, _relay.Update("nope", "a", TestSdp.Audio(1), MediaSide.Lan).Status);
        _relay.Offer("call-6", "a", TestSdp.Audio(5000), MediaSide.Wan);
        Assert.Equal(MediaRelayStatus.LegNotFound, _relay.Update("call-6", "x", TestSdp.Audio(1), MediaSide.Lan).Status);
        Assert.Equal(MediaRelayStatus.LegNotFound, _relay.Offer("call-6", "x", TestSdp.Audio(1), MediaSide.Lan).Status);

        var bad = _relay.Offer("call-7", "a", TestSdp.Bytes("hello"), MediaSide.Wan);

        Assert.Equal((MediaRelayStatus.InvalidSdp, 488), (bad.Status, bad.SipStatusCode));
        Assert.Null(_relay.GetSession("call-7"));
    }

    [Fact]
    public void Delete_needs_a_matching_tag_and_quarantines_the_ports()
    {
        _relay.Offer("call-8", "a", TestSdp.Audio(5000), MediaSide.Wan);
        _relay.Answer("call-8", "a", "b", TestSdp.Audio(6000), MediaSide.Lan);

        Assert.False(_relay.Delete("call-8", "zzz"));
        Assert.True(_relay.Delete("call-8", "b"));

        Assert.False(_relay.Delete("call-8"));
        Assert.Null(_relay.GetSession("call-8"));
        Assert.Empty(_relay.GetSessions());
        Assert.Equal((0, 2), (_relay.Metrics.PortPairsInUse, _relay.Metrics.PortPairsInQuarantine));
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(20, _relay.Metrics.PortPairsFree);
    }

    [Fact]
    public void Forked_answer_rebinds_the_callee_leg_to_the_last_tag()
    {
        _relay.Offer("call-9", "a", TestSdp.Audio(5000), MediaSide.Wan);
        _relay.Answer("call-9", "a", "fork-1", TestSdp.Audio(6000), MediaSide.Lan);

        var second = _relay.Answer("call-9", "a", "fork-2", TestSdp.Audio(7000), MediaSide.Lan);

        Assert.Equal(MediaRelayStatus.Relayed, second.Status);
        var session = _relay.GetSession("call-9")!;
        Assert.Equal("fork-2", session.CalleeTag);
        Assert.Equal(7000, session.Streams[0].CalleePeer!.Port);
    }

    [Fact]
    public void Concurrent_offers_and_retransmissions_allocate_once_per_call()
    {
        var results = new MediaRelayResult[40];

        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            i => results[i] = _relay.Offer($"parallel-{i % 10}", "a", TestSdp.Audio(5000 + i % 10 * 2), MediaSide.Wan));

        Assert.All(results, r => Assert.Equal(MediaRelayStatus.Relayed, r.Status));
        for (var i = 10; i < results.Length; i++)
            Assert.Equal(results[i % 10].Sdp.ToArray(), results[i].Sdp.ToArray());
        Assert.Equal(10, _relay.Metrics.ActiveSessions);
        Assert.Equal(20, _relay.Metrics.PortPairsInUse);
    }

    [Fact]
    public void Hold_keeps_the_relay_ports_and_forgets_the_held_address()
    {
        _relay.Offer("hold", "a", TestSdp.Audio(5000), MediaSide.Wan);
        var answer = _relay.Answer("hold", "a", "b", TestSdp.Audio(6000), MediaSide.Lan);
        var before = _relay.GetSession("hold")!.Streams[0];

        var inactive = _relay.Update("hold", "a",
            TestSdp.Bytes("v=0\r\no=alice 1000 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n" +
                "m=audio 5000 RTP/AVP 0\r\na=inactive\r\n"), MediaSide.Wan);

        var held = TestSdp.Parse(inactive.Sdp);
        Assert.Equal(before.CalleePort, held.Media[0].Port);
        Assert.True(held.SessionConnection!.IsHold);
        Assert.Equal(SdpDirection.Inactive, held.Media[0].Direction);
        var during = _relay.GetSession("hold")!.Streams[0];
        Assert.Equal((before.CallerPort, before.CalleePort), (during.CallerPort, during.CalleePort));
        Assert.Null(during.CallerPeer);
        Assert.Equal(TestSdp.Port(answer.Sdp), during.CallerPort);
    }
}
