using System.Net;
using Switchboard.MediaProxy.Sdp;
using Xunit;

namespace Switchboard.MediaProxy.Tests.Sdp;

public sealed class SdpParserTests
{
    private const string AudioVideo =
        "v=0\r\n" +
        "o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com\r\n" +
        "s=-\r\n" +
        "c=IN IP4 192.0.2.10\r\n" +
        "b=AS:256\r\n" +
        "t=0 0\r\n" +
        "a=x-session-thing:1\r\n" +
        "m=audio 49170 RTP/AVP 0 8 97\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtcp:49171\r\n" +
        "a=sendrecv\r\n" +
        "m=video 51372/2 RTP/AVP 31 32\r\n" +
        "c=IN IP4 192.0.2.11\r\n" +
        "a=rtcp:53020 IN IP4 192.0.2.12\r\n" +
        "a=rtpmap:31 H261/90000\r\n" +
        "a=recvonly\r\n";

    public static TheoryData<string> RoundTripSamples => new()
    {
        AudioVideo,
        AudioVideo.Replace("\r\n", "\n"),
        "v=0\r\no=- 1 1 IN IP6 ::1\r\ns=-\r\nc=IN IP6 2001:db8::1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=rtcp-mux",
        "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\nm=audio 0 RTP/AVP 0\r\n\r\nnot a line\r\n",
        "v=0\nzz\nm=audio 1 RTP/AVP 0\na=candidate:1 1 UDP 2130706431 10.0.0.1 8998 typ host\n",
    };

    [Theory]
    [MemberData(nameof(RoundTripSamples))]
    public void Unchanged_document_writes_back_identical_bytes(string sdp)
    {
        var bytes = TestSdp.Bytes(sdp);

        var document = TestSdp.Parse(bytes);

        Assert.Equal(bytes, SdpWriter.Write(document));
    }

    [Fact]
    public void Audio_and_video_streams_are_understood()
    {
        var document = TestSdp.Parse(TestSdp.Bytes(AudioVideo));

        Assert.Equal(16, document.Lines.Count);
        Assert.Equal(1, document.OriginLine);
        Assert.Equal(IPAddress.Parse("192.0.2.10"), document.SessionConnection!.Address);
        Assert.Equal(2, document.Media.Count);
        var audio = document.Media[0];
        Assert.Equal(("audio", 49170, (int?)null, "RTP/AVP", "0 8 97"), (audio.Media, audio.Port, audio.PortCount, audio.Proto, audio.Formats));
        Assert.Equal(49171, audio.RtcpPort);
        Assert.Null(audio.RtcpAddress);
        Assert.Null(audio.Connection);
        Assert.Equal(IPAddress.Parse("192.0.2.10"), document.ConnectionAddress(0));
        Assert.Equal((7, 11), (audio.FirstLine, audio.EndLine));
        var video = document.Media[1];
        Assert.Equal((51372, (int?)2), (video.Port, video.PortCount));
        Assert.Equal(IPAddress.Parse("192.0.2.11"), document.ConnectionAddress(1));
        Assert.Equal((53020, IPAddress.Parse("192.0.2.12")), (video.RtcpPort, video.RtcpAddress));
        Assert.Equal(SdpDirection.RecvOnly, video.Direction);
        Assert.Equal((11, 16), (video.FirstLine, video.EndLine));
    }

    [Fact]
    public void IPv6_connection_and_rtcp_mux_are_understood()
    {
        var document = TestSdp.Parse(TestSdp.Bytes(
            "v=0\r\no=- 1 1 IN IP6 ::1\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\nc=IN IP6 2001:db8::1\r\na=rtcp-mux\r\n"));

        var media = document.Media[0];
        Assert.True(media.Connection!.IsIPv6);
        Assert.Equal(IPAddress.Parse("2001:db8::1"), media.Connection.Address);
        Assert.True(media.RtcpMux);
        Assert.Null(document.SessionConnection);
    }

    [Fact]
    public void Session_level_direction_applies_unless_the_stream_overrides_it()
    {
        var document = TestSdp.Parse(TestSdp.Bytes(
            "v=0\r\ns=-\r\na=inactive\r\nm=audio 4000 RTP/AVP 0\r\nm=video 4002 RTP/AVP 96\r\na=sendonly\r\n"));

        Assert.Equal(SdpDirection.Inactive, document.Media[0].Direction);
        Assert.Equal(SdpDirection.SendOnly, document.Media[1].Direction);
    }

    [Fact]
    public void Hold_address_rejected_stream_and_candidates_are_recognised()
    {
        var document = TestSdp.Parse(TestSdp.Bytes(
            "v=0\r\nc=IN IP4 0.0.0.0\r\nm=audio 0 RTP/AVP 0\r\nm=audio 4000 RTP/AVP 0\r\n"
            + "a=candidate:1 1 UDP 2130706431 10.0.0.1 8998 typ host\r\na=candidate:2 1 UDP 1694498815 192.0.2.3 45664 typ srflx\r\n"));

        Assert.True(document.SessionConnection!.IsHold);
        Assert.True(document.Media[0].IsRejected);
        Assert.Equal(2, document.Media[1].CandidateCount);
    }

    [Fact]
    public void A_host_name_connection_has_no_address_but_is_kept()
    {
        var document = TestSdp.Parse(TestSdp.Bytes("v=0\r\nc=IN IP4 media.example.com\r\nm=audio 4000 RTP/AVP 0\r\n"));

        Assert.Null(document.SessionConnection!.Address);
        Assert.Equal("media.example.com", document.SessionConnection.AddressText);
    }

    [Theory]
    [InlineData("", "empty SDP")]
    [InlineData("o=- 1 1 IN IP4 1.2.3.4\r\nv=0\r\n", "SDP does not start with v=")]
    [InlineData("v=0\r\nm=audio x RTP/AVP 0\r\n", "m= port is not a number in 0..65535")]
    [InlineData("v=0\r\nm=audio 70000 RTP/AVP 0\r\n", "m= port is not a number in 0..65535")]
    [InlineData("v=0\r\nm=audio 4000/0 RTP/AVP 0\r\n", "m= port count is not a positive number")]
    [InlineData("v=0\r\nm=audio 4000\r\n", "m= line has fewer than 3 fields")]
    [InlineData("v=0\r\nc=IN IPX 1.2.3.4\r\n", "c= address type is neither IP4 nor IP6")]
    [InlineData("v=0\r\nc=IN IP4\r\n", "c= line has fewer than 3 fields")]
    [InlineData("v=0\r\no=- 1 x IN IP4 1.2.3.4\r\n", "o= session version is not a number")]
    [InlineData("v=0\r\no=- 1 1 IN IP4\r\n", "o= line has fewer than 6 fields")]
    [InlineData("v=0\r\nm=audio 4000 RTP/AVP 0\r\na=rtcp:-1\r\n", "a=rtcp port is not a number in 0..65535")]
    public void Bad_input_gives_a_reason(string sdp, string reason)
    {
        var ok = SdpParser.TryParse(TestSdp.Bytes(sdp), out var document, out var error);

        Assert.False(ok);
        Assert.Null(document);
        Assert.Equal(reason, error);
    }

    [Fact]
    public void Oversized_input_is_refused()
    {
        var big = new byte[SdpParser.MaxLength + 1];
        "v=0\r\n"u8.CopyTo(big);

        Assert.False(SdpParser.TryParse(big, out _, out var error));
        Assert.Equal("SDP larger than 64 KiB", error);
    }
}
