using System.Net;
using Switchboard.Contracts.Media;
using Switchboard.Proxy.Media;
using Switchboard.Proxy.Tests.Doubles;
using Switchboard.Sip;

namespace Switchboard.Proxy.Tests.Media;

/// <summary>
/// The manual's media loops: carol (LAN) calls out to a WAN server, which hands the call back to us for bob. When bob
/// is in the same LAN the relay is removed and the two talk directly; when he is on the WAN the one relay stays.
/// </summary>
public sealed class MediaLoopTests
{
    private const string CallId = "media-1@10.0.0.7";
    private static readonly string CarolSdp = TestSdp.Create("10.0.0.7", 4000);
    private static readonly string RelayedToWan = RecordingMediaRelayControl.Relayed(MediaNetwork.Wan, 30000);

    /// <summary>Carol's INVITE goes out to the WAN server; the server sends it back for bob with our relay's SDP.</summary>
    private static async Task<(RecordingServerTransaction FirstUpstream, RecordingServerTransaction SecondUpstream)> LoopAsync(MediaHarness harness)
    {
        var (_, first) = await harness.SendAsync(TestSdp.Request(requestUri: "sip:alice@203.0.113.50", sdp: CarolSdp));
        SipMessage outbound = harness.Forwarded(SipMethod.Invite);
        Assert.Equal(RelayedToWan, TestSdp.Body(outbound));
        string vias = string.Join("\r\nVia: ", TestMessages.Values(outbound, HeaderKind.Via));

        var (_, second) = await harness.SendAsync(
            TestSdp.Request(sdp: RelayedToWan, via: "SIP/2.0/UDP 203.0.113.50:5060;branch=z9hG4bK-wan-1\r\nVia: " + vias),
            ProxyHarness.Udp("203.0.113.50", 5060));
        return (first, second);
    }

    [Fact]
    public async Task A_call_that_comes_back_to_the_same_lan_ends_with_direct_media()
    {
        var harness = new MediaHarness(bobContact: "sip:bob@10.0.0.9:5060");
        var (firstUpstream, secondUpstream) = await LoopAsync(harness);

        var toBob = harness.Transport.Started[^1];
        Assert.Equal(CarolSdp.Replace("o=- 1 1 IN IP4 10.0.0.7", "o=- 1 1 IN IP4 203.0.113.100", StringComparison.Ordinal), TestSdp.Body(toBob.Message));
        string bobSdp = TestSdp.Create("10.0.0.9", 5000);
        toBob.Events.OnResponse(200, TestSdp.Response(toBob.Message, 200, "b1", bobSdp));
        Assert.Equal(bobSdp, TestSdp.Body(Assert.Single(secondUpstream.Responses)));

        var toServer = harness.Transport.Started[0];
        toServer.Events.OnResponse(200, TestSdp.Response(toServer.Message, 200, "b1", bobSdp));

        Assert.Equal(bobSdp, TestSdp.Body(Assert.Single(firstUpstream.Responses)));
        Assert.Equal(["offer"], harness.Relay.Kinds); // nothing relayed twice, no answer through the relay
        Assert.Equal(CallId, Assert.Single(harness.Relay.Deletes).CallId);
    }

    [Fact]
    public async Task A_call_that_comes_back_for_a_wan_phone_keeps_the_one_relay_it_has()
    {
        var harness = new MediaHarness(bobContact: "sip:bob@198.51.100.9:5060");
        var (firstUpstream, _) = await LoopAsync(harness);

        var toBob = harness.Transport.Started[^1];
        Assert.Equal(RelayedToWan, TestSdp.Body(toBob.Message));
        string bobSdp = TestSdp.Create("198.51.100.9", 5000);
        toBob.Events.OnResponse(200, TestSdp.Response(toBob.Message, 200, "b1", bobSdp));
        var toServer = harness.Transport.Started[0];
        toServer.Events.OnResponse(200, TestSdp.Response(toServer.Message, 200, "b1", bobSdp));

        Assert.Equal(["offer", "answer"], harness.Relay.Kinds);
        Assert.Empty(harness.Relay.Deletes);
        Assert.Equal(RecordingMediaRelayControl.Relayed(MediaNetwork.Lan, 30002), TestSdp.Body(Assert.Single(firstUpstream.Responses)));
    }

    [Fact]
    public void Unwrapping_restores_media_level_addresses_ports_and_rtcp()
    {
        const string original = "v=0\r\no=- 1 1 IN IP4 10.0.0.7\r\ns=-\r\nc=IN IP4 10.0.0.7\r\nt=0 0\r\n"
            + "m=audio 4000 RTP/AVP 0\r\na=rtcp:4005\r\nm=video 4100 RTP/AVP 96\r\nc=IN IP4 10.0.0.8\r\nm=text 0 RTP/AVP 98\r\n";
        const string relayed = "v=0\r\no=- 1 2 IN IP4 203.0.113.100\r\ns=-\r\nc=IN IP4 203.0.113.100\r\nt=0 0\r\n"
            + "m=audio 30000 RTP/AVP 0\r\na=rtcp:30001 IN IP4 203.0.113.100\r\nm=video 30002 RTP/AVP 96\r\nc=IN IP4 203.0.113.100\r\nm=text 0 RTP/AVP 98\r\n";
        var table = new MediaLoopTable();
        table.Register("x", MediaNetwork.Lan, Ascii(original), Ascii(relayed));
        var endpoints = SdpEndpoints.Read(Ascii(relayed));

        LoopMatch match = table.Match(endpoints)!;
        string unwrapped = System.Text.Encoding.ASCII.GetString(SdpUnwrapper.Unwrap(Ascii(relayed), endpoints, match.Originals));

        Assert.Equal(2, match.Originals.Count);
        Assert.Equal("v=0\r\no=- 1 2 IN IP4 203.0.113.100\r\ns=-\r\nc=IN IP4 10.0.0.7\r\nt=0 0\r\n"
            + "m=audio 4000 RTP/AVP 0\r\na=rtcp:4005\r\nm=video 4100 RTP/AVP 96\r\nc=IN IP4 10.0.0.8\r\nm=text 0 RTP/AVP 98\r\n", unwrapped);
    }

    [Fact]
    public void An_offer_not_pointing_at_our_relay_is_no_loop_and_ended_calls_leave_the_table()
    {
        var table = new MediaLoopTable();
        RelayedOffer offer = table.Register("x", MediaNetwork.Lan, Ascii(CarolSdp), Ascii(RelayedToWan));

        Assert.Null(table.Match(SdpEndpoints.Read(Ascii(TestSdp.Create("203.0.113.100", 30002)))));
        Assert.NotNull(table.Match(SdpEndpoints.Read(Ascii(RelayedToWan))));
        table.Remove(offer);
        Assert.Null(table.Match(SdpEndpoints.Read(Ascii(RelayedToWan))));
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public void The_sdp_reader_skips_what_it_cannot_read()
    {
        var endpoints = SdpEndpoints.Read(Ascii("garbage\nc=IN IP4 not-an-address\nm=audio x RTP/AVP 0\nm=audio 7000/2 RTP/AVP 0\na=rtcp:abc\n"));

        SdpMediaEndpoint media = Assert.Single(endpoints.Media);
        Assert.Equal((7000, 7001), (media.Port, media.RtcpPort));
        Assert.Null(endpoints.AddressOf(0));
        Assert.Equal(IPAddress.Parse("10.0.0.7"), SdpEndpoints.Read(Ascii(CarolSdp)).AddressOf(0));
    }

    private static byte[] Ascii(string text) => System.Text.Encoding.ASCII.GetBytes(text);
}
