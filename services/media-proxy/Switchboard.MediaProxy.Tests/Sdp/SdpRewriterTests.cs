using System.Buffers;
using System.Net;
using System.Text;
using Switchboard.MediaProxy.Sdp;
using Xunit;

namespace Switchboard.MediaProxy.Tests.Sdp;

public sealed class SdpRewriterTests
{
    private static readonly IPAddress Relay = IPAddress.Parse("203.0.113.5");

    private static string Rewrite(string sdp, IPAddress relay, params int[] ports) =>
        TestSdp.Text(SdpRewriter.Rewrite(TestSdp.Parse(TestSdp.Bytes(sdp)), relay, ports));

    [Fact]
    public void Audio_and_video_point_at_the_relay()
    {
        var input =
            "v=0\r\no=alice 2890844526 2890844526 IN IP4 host.example.com\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n" +
            "m=audio 49170 RTP/AVP 0 8\r\na=rtcp:49171\r\na=sendrecv\r\n" +
            "m=video 51372/2 RTP/AVP 31\r\nc=IN IP4 192.0.2.11\r\na=rtcp:53020 IN IP4 192.0.2.12\r\na=x-unknown:keep me\r\n";

        var output = Rewrite(input, Relay, 30000, 30004);

        Assert.Equal(
            "v=0\r\no=alice 2890844526 2890844527 IN IP4 host.example.com\r\ns=-\r\nc=IN IP4 203.0.113.5\r\nt=0 0\r\n" +
            "m=audio 30000 RTP/AVP 0 8\r\na=rtcp:30001\r\na=sendrecv\r\n" +
            "m=video 30004 RTP/AVP 31\r\nc=IN IP4 203.0.113.5\r\na=rtcp:30005 IN IP4 203.0.113.5\r\na=x-unknown:keep me\r\n",
            output);
    }

    [Fact]
    public void Rtcp_mux_stream_points_rtcp_at_the_rtp_port()
    {
        var output = Rewrite("v=0\nc=IN IP4 10.0.0.1\nm=audio 4000 RTP/AVP 0\na=rtcp:4000\na=rtcp-mux\n", Relay, 30010);

        Assert.Equal("v=0\nc=IN IP4 203.0.113.5\nm=audio 30010 RTP/AVP 0\na=rtcp:30010\na=rtcp-mux\n", output);
    }

    [Fact]
    public void IPv6_relay_writes_IP6_connections()
    {
        var output = Rewrite("v=0\r\nc=IN IP6 2001:db8::1\r\nm=audio 4000 RTP/AVP 0\r\na=rtcp:4001 IN IP6 2001:db8::1\r\n",
            IPAddress.Parse("2001:db8::99"), 30000);

        Assert.Equal("v=0\r\nc=IN IP6 2001:db8::99\r\nm=audio 30000 RTP/AVP 0\r\na=rtcp:30001 IN IP6 2001:db8::99\r\n", output);
    }

    [Fact]
    public void Rejected_stream_is_copied_verbatim_and_held_stream_keeps_its_hold()
    {
        var input = "v=0\r\nc=IN IP4 10.0.0.1\r\n" +
            "m=video 0 RTP/AVP 96\r\nc=IN IP4 10.0.0.9\r\na=rtcp:9\r\n" +
            "m=audio 4000 RTP/AVP 0\r\nc=IN IP4 0.0.0.0\r\na=inactive\r\n";

        var output = Rewrite(input, Relay, 0, 30020);

        Assert.Equal("v=0\r\nc=IN IP4 203.0.113.5\r\n" +
            "m=video 0 RTP/AVP 96\r\nc=IN IP4 10.0.0.9\r\na=rtcp:9\r\n" +
            "m=audio 30020 RTP/AVP 0\r\nc=IN IP4 0.0.0.0\r\na=inactive\r\n", output);
    }

    [Fact]
    public void Session_level_hold_address_is_kept()
    {
        var output = Rewrite("v=0\r\nc=IN IP4 0.0.0.0\r\nm=audio 4000 RTP/AVP 0\r\na=sendonly\r\n", Relay, 30000);

        Assert.Equal("v=0\r\nc=IN IP4 0.0.0.0\r\nm=audio 30000 RTP/AVP 0\r\na=sendonly\r\n", output);
    }

    [Fact]
    public void Ice_attributes_are_removed_because_candidates_would_bypass_the_relay()
    {
        var input = "v=0\r\na=ice-lite\r\nc=IN IP4 10.0.0.1\r\nm=audio 4000 RTP/AVP 0\r\na=ice-ufrag:abc\r\na=ice-pwd:secret\r\n" +
            "a=candidate:1 1 UDP 2130706431 10.0.0.1 4000 typ host\r\na=end-of-candidates\r\na=sendrecv\r\n";

        var output = Rewrite(input, Relay, 30000);

        Assert.Equal("v=0\r\nc=IN IP4 203.0.113.5\r\nm=audio 30000 RTP/AVP 0\r\na=sendrecv\r\n", output);
    }

    [Fact]
    public void Missing_connection_is_added_after_the_media_title()
    {
        var output = Rewrite("v=0\r\nm=audio 4000 RTP/AVP 0\r\ni=voice\r\na=sendrecv\r\nm=audio 4002 RTP/AVP 0", Relay, 30000, 30002);

        Assert.Equal("v=0\r\nm=audio 30000 RTP/AVP 0\r\ni=voice\r\nc=IN IP4 203.0.113.5\r\na=sendrecv\r\n" +
            "m=audio 30002 RTP/AVP 0\r\nc=IN IP4 203.0.113.5\r\n", output);
    }

    [Theory]
    [InlineData("0", "1")]
    [InlineData("41", "42")]
    [InlineData("999", "1000")]
    [InlineData("18446744073709551615", "18446744073709551616")]
    public void Origin_version_is_bumped_by_one(string version, string expected)
    {
        var writer = new ArrayBufferWriter<byte>();

        SdpRewriter.WriteIncremented(writer, Encoding.ASCII.GetBytes(version));

        Assert.Equal(expected, Encoding.ASCII.GetString(writer.WrittenSpan));
    }

    [Fact]
    public void Rewritten_sdp_parses_again_with_the_relay_ports_and_keeps_every_other_line()
    {
        var input = TestSdp.AudioVideo(4000, 4002, "10.1.2.3");

        var output = SdpRewriter.Rewrite(TestSdp.Parse(input), Relay, [30000, 30002]);

        var reparsed = TestSdp.Parse(output);
        Assert.Equal([30000, 30002], reparsed.Media.Select(m => m.Port));
        Assert.Equal(Relay, reparsed.SessionConnection!.Address);
        Assert.Equal(TestSdp.Parse(input).Lines.Count, reparsed.Lines.Count);
        Assert.Equal(output, SdpWriter.Write(reparsed));
    }

    [Fact]
    public void One_port_per_stream_is_required()
    {
        var document = TestSdp.Parse(TestSdp.AudioVideo(4000, 4002));

        Assert.Throws<ArgumentException>(() => SdpRewriter.Rewrite(document, Relay, [30000]));
    }
}
