using System.Text;
using Switchboard.Sip.Framing;
using Switchboard.Sip.Parsing;
using static Switchboard.Sip.Tests.TestMessages;

namespace Switchboard.Sip.Tests.Framing;

public sealed class SipStreamFramerTests
{
    private readonly SipStreamFramer _framer = new();

    [Fact]
    public void Several_messages_in_one_read_come_out_one_by_one()
    {
        var bytes = Bytes(Invite + Invite + "OPTIONS sip:a@b SIP/2.0\nl: 0\n\n");
        var (frames, pending) = StreamFeeder.Feed(_framer, bytes, new Random(1), bytes.Length);
        Assert.Equal([SipFrameStatus.Message, SipFrameStatus.Message, SipFrameStatus.Message], frames.Select(f => f.Status));
        Assert.Equal(Bytes(Invite), frames[0].Message);
        Assert.StartsWith("OPTIONS", Encoding.ASCII.GetString(frames[2].Message));
        Assert.False(pending);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(17)]
    public void A_message_split_across_reads_is_reassembled(int maxChunk)
    {
        var bytes = Bytes(Invite);
        var (frames, pending) = StreamFeeder.Feed(_framer, bytes, new Random(maxChunk), maxChunk);
        var frame = Assert.Single(frames);
        Assert.Equal(bytes, frame.Message);
        Assert.False(pending);
    }

    [Fact]
    public void Double_crlf_is_a_ping_and_a_single_crlf_is_not()
    {
        var (frames, _) = StreamFeeder.Feed(_framer, Bytes("\n\n"), new Random(2), 4);
        Assert.True(Assert.Single(frames).IsPing);
        (frames, _) = StreamFeeder.Feed(_framer, Bytes("\n" + Invite), new Random(2), 1000);
        Assert.Equal([SipFrameStatus.KeepAlive, SipFrameStatus.Message], frames.Select(f => f.Status));
        Assert.False(frames[0].IsPing);
        Assert.Equal(1, frames[0].CrlfCount);
        Assert.Equal("\r\n", Encoding.ASCII.GetString(SipStreamFramer.Pong));
    }

    [Fact]
    public void A_lone_cr_waits_for_its_lf()
    {
        var frame = _framer.Read(new System.Buffers.ReadOnlySequence<byte>("\r"u8.ToArray()));
        Assert.Equal(SipFrameStatus.NeedMoreData, frame.Status);
    }

    [Theory]
    [InlineData("OPTIONS sip:a@b SIP/2.0\nContent-Length: -3\n\n", SipParseErrorKind.InvalidContentLength)]
    [InlineData("OPTIONS sip:a@b SIP/2.0\nContent-Length: five\n\n", SipParseErrorKind.InvalidContentLength)]
    [InlineData("OPTIONS sip:a@b SIP/2.0\nl: 1\nContent-Length: 1\n\nx", SipParseErrorKind.InvalidContentLength)]
    [InlineData("OPTIONS sip:a@b SIP/2.0\nTo: <sip:a@b>\n\n", SipParseErrorKind.MissingContentLength)]
    public void Content_length_problems_close_the_connection(string text, SipParseErrorKind kind)
    {
        var (frames, _) = StreamFeeder.Feed(_framer, Bytes(text), new Random(3), 7);
        var frame = Assert.Single(frames);
        Assert.Equal(SipFrameStatus.Error, frame.Status);
        Assert.Equal(kind, frame.Error.Kind);
        Assert.True(frame.Error.IsFramingError);
    }

    [Fact]
    public void Content_length_beyond_the_data_waits()
    {
        var (frames, pending) = StreamFeeder.Feed(_framer, Bytes("OPTIONS sip:a@b SIP/2.0\nl: 100\n\nshort"), new Random(4), 5);
        Assert.Empty(frames);
        Assert.True(pending);
    }

    [Fact]
    public void Limits_refuse_instead_of_buffering()
    {
        var framer = new SipStreamFramer(new SipParserOptions { MaxMessageSize = 64, MaxBodySize = 10 });
        var endless = Encoding.ASCII.GetBytes("OPTIONS sip:a@b SIP/2.0\r\nSubject: " + new string('x', 200));
        var (frames, _) = StreamFeeder.Feed(framer, endless, new Random(5), 16);
        Assert.Equal(513, Assert.Single(frames).Error.StatusCode);
        (frames, _) = StreamFeeder.Feed(framer, Bytes("OPTIONS sip:a@b SIP/2.0\nl: 11\n\n"), new Random(5), 16);
        Assert.Equal(413, Assert.Single(frames).Error.StatusCode);
        (frames, _) = StreamFeeder.Feed(framer, Bytes("OPTIONS sip:a@b SIP/2.0\nSubject: 0123456789012345678901234567\nl: 5\n\n"), new Random(5), 16);
        Assert.Equal(513, Assert.Single(frames).Error.StatusCode);
    }
}
