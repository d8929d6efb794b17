using System.Text;
using Switchboard.Sip.Parsing;
using static Switchboard.Sip.Tests.TestMessages;

namespace Switchboard.Sip.Tests.Parsing;

public sealed class SipParserTests
{
    private readonly SipParser _parser = new();
    private readonly SipMessage _message = new();

    private SipParseError Parse(string text)
    {
        _parser.TryParseDatagram(Bytes(text), _message, out var error);
        return error;
    }

    private string Str(SipRange range) => _message.GetString(range) ?? "<absent>";

    [Fact]
    public void Request_line_body_and_index()
    {
        Assert.False(Parse(Invite).IsError);
        Assert.True(_message.IsRequest);
        Assert.Equal(SipMethod.Invite, _message.Method);
        Assert.Equal("sip:bob@biloxi.example.com", Str(_message.RequestUri));
        Assert.Equal("SIP/2.0", Str(_message.Version));
        Assert.Equal("v=0\r\n", Str(_message.Body));
        Assert.Equal(9, _message.HeaderCount);
        Assert.True(_message.TryGetFirst(HeaderKind.CallId, out var callId));
        Assert.Equal("Call-ID", Str(callId.Name));
        Assert.Equal("a84b4c76e66710@pc33.atlanta.example.com", Str(callId.Value));
    }

    [Fact]
    public void Trailing_datagram_bytes_are_not_part_of_the_message()
    {
        var bytes = Bytes(Invite + "garbage after the body");
        Assert.True(_parser.TryParseDatagram(bytes, _message, out _));
        Assert.Equal(bytes.Length - "garbage after the body".Length, _message.Buffer.Length);
        Assert.Equal("v=0\r\n", Str(_message.Body));
    }

    [Fact]
    public void Status_line()
    {
        Assert.False(Parse("SIP/2.0 180 Ringing\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nContent-Length: 0\n\n").IsError);
        Assert.True(_message.IsResponse);
        Assert.Equal(180, _message.StatusCode);
        Assert.Equal("Ringing", Str(_message.ReasonPhrase));
    }

    [Theory]
    [InlineData("SIP/2.0 1800 Ringing\nContent-Length: 0\n\n")]
    [InlineData("SIP/2.0 099 Low\nContent-Length: 0\n\n")]
    [InlineData("SIP/2.0 180\nContent-Length: 0\n\n")]
    [InlineData("SIP/2.0 200 OK\nbroken header line\n\n")]
    public void Malformed_responses_are_dropped(string text)
    {
        var error = Parse(text);
        Assert.True(error.IsError);
        Assert.Equal(0, error.StatusCode);
    }

    [Theory]
    [InlineData("INVITE  sip:a@b SIP/2.0\n", SipParseErrorKind.InvalidStartLine)]
    [InlineData("INVITE sip:a@b SIP/2.0 \n", SipParseErrorKind.InvalidStartLine)]
    [InlineData("INVITE <sip:a@b> SIP/2.0\n", SipParseErrorKind.InvalidStartLine)]
    [InlineData("INV@ITE sip:a@b SIP/2.0\n", SipParseErrorKind.InvalidStartLine)]
    [InlineData("INVITE sip:a@b HTTP/1.1\n", SipParseErrorKind.InvalidStartLine)]
    [InlineData("INVITE sip:a@b SIP/2.0\nVia SIP/2.0/UDP h\n\n", SipParseErrorKind.InvalidHeader)]
    [InlineData("INVITE sip:a@b SIP/2.0\n folded: first\n\n", SipParseErrorKind.InvalidHeader)]
    [InlineData("INVITE sip:a@b SIP/2.0\nTo: sip:a@b\n", SipParseErrorKind.IncompleteHeaders)]
    [InlineData("INVITE sip:a@b SIP/2.0\nContent-Length: 5\n\nabc", SipParseErrorKind.ContentLengthExceedsData)]
    [InlineData("INVITE sip:a@b SIP/2.0\nContent-Length: -1\n\n", SipParseErrorKind.InvalidContentLength)]
    [InlineData("INVITE sip:a@b SIP/2.0\nl: five\n\n", SipParseErrorKind.InvalidContentLength)]
    [InlineData("INVITE sip:a@b SIP/2.0\nl: 0\nContent-Length: 0\n\n", SipParseErrorKind.InvalidContentLength)]
    [InlineData("INVITE sip:a@b SIP/2.0\nVia: SIP/2.0/UDP h,,SIP/2.0/UDP i\nl: 0\n\n", SipParseErrorKind.InvalidHeader)]
    public void Malformed_requests_get_400(string text, SipParseErrorKind kind)
    {
        var error = Parse(text);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public void Foreign_version_parses_and_is_flagged()
    {
        Assert.False(Parse("OPTIONS sip:a@b SIP/7.0\nl: 0\n\n").IsError);
        Assert.False(_message.IsSip20);
        Assert.Equal("SIP/7.0", Str(_message.Version));
    }

    [Fact]
    public void Compact_names_and_case_insensitive_names_are_recognised()
    {
        Assert.False(Parse("OPTIONS sip:a@b SIP/2.0\nv: SIP/2.0/UDP h\nf: <sip:x@y>;tag=1\nt: <sip:a@b>\ni: id\nCSEQ: 1 OPTIONS\nm: <sip:c@d>\nk: path\nu: presence\nr: <sip:r@s>\nb: <sip:b@c>\nx: 90\ny: abc\nj: *;a\na: *;b\nd: proxy\ns: hi\nc: text/plain\ne: gzip\no: presence\nl: 0\n\n").IsError);
        HeaderKind[] expected =
        [
            HeaderKind.Via, HeaderKind.From, HeaderKind.To, HeaderKind.CallId, HeaderKind.CSeq, HeaderKind.Contact,
            HeaderKind.Supported, HeaderKind.AllowEvents, HeaderKind.ReferTo, HeaderKind.ReferredBy, HeaderKind.SessionExpires,
            HeaderKind.Identity, HeaderKind.RejectContact, HeaderKind.AcceptContact, HeaderKind.RequestDisposition,
            HeaderKind.Subject, HeaderKind.ContentType, HeaderKind.ContentEncoding, HeaderKind.Event, HeaderKind.ContentLength,
        ];
        Assert.Equal(expected, _message.Headers.ToArray().Select(h => h.Kind));
    }

    [Fact]
    public void List_headers_split_outside_quotes_and_angle_brackets()
    {
        Assert.False(Parse("REGISTER sip:r SIP/2.0\nContact: \"A, B\" <sip:a@b;x=1,2>;q=0.5 , <sip:c@d>\nSupported: path, outbound\nAllow: INVITE, ACK,BYE\nl: 0\n\n").IsError);
        var contacts = new List<string>();
        foreach (var h in _message.GetHeaders(HeaderKind.Contact))
        {
            contacts.Add(Str(h.Value));
        }

        Assert.Equal(["\"A, B\" <sip:a@b;x=1,2>;q=0.5", "<sip:c@d>"], contacts);
        Assert.Equal(2, _message.Count(HeaderKind.Supported));
        Assert.Equal(SipMethod.Invite | SipMethod.Ack | SipMethod.Bye, _message.GetAllowedMethods());
    }

    [Fact]
    public void Folded_value_is_one_range_spanning_the_fold()
    {
        Assert.False(Parse("OPTIONS sip:a@b SIP/2.0\nSubject: first\n  second\nl: 0\n\n").IsError);
        Assert.True(_message.TryGetFirst(HeaderKind.Subject, out var subject));
        Assert.Equal("first\r\n  second", Str(subject.Value));
    }

    [Fact]
    public void Unknown_headers_are_found_by_name_case_insensitively()
    {
        Assert.False(Parse("OPTIONS sip:a@b SIP/2.0\nX-Custom-Thing: 42\nl: 0\n\n").IsError);
        Assert.True(_message.TryGetHeader("x-custom-thing"u8, out var h));
        Assert.Equal(HeaderKind.Unknown, h.Kind);
        Assert.Equal("42", Str(h.Value));
        Assert.False(_message.TryGetHeader("X-Other"u8, out _));
    }

    [Fact]
    public void Reusing_the_message_forgets_the_previous_parse()
    {
        Assert.False(Parse(Invite).IsError);
        Assert.True(_message.TryGetVia(out _));
        Assert.False(Parse("OPTIONS sip:a@b SIP/2.0\nl: 0\n\n").IsError);
        Assert.False(_message.TryGetVia(out _));
        Assert.False(_message.Contains(HeaderKind.CallId));
        Assert.Equal(SipMethod.Options, _message.Method);
    }

    [Fact]
    public void Can_answer_needs_the_five_headers()
    {
        var error = Parse("INVITE sip:a@b SIP/2.0\nVia: SIP/2.0/UDP h\nFrom: <sip:a@b>;tag=1\nTo: <sip:a@b>\nCall-ID: x\nCSeq: 1 INVITE\nContact: a,,b\nl: 0\n\n");
        Assert.True(error.IsError);
        Assert.True(error.CanAnswer);
        error = Parse("INVITE sip:a@b SIP/2.0\nVia: SIP/2.0/UDP h\nContact: a,,b\nl: 0\n\n");
        Assert.False(error.CanAnswer);
    }

    [Fact]
    public void Limits_are_enforced_with_the_right_status()
    {
        var tight = new SipParser(new SipParserOptions { MaxMessageSize = 200, MaxHeaderCount = 3, MaxLineLength = 40, MaxBodySize = 2 });
        var message = new SipMessage();
        Assert.False(tight.TryParseDatagram(Bytes(Invite), message, out var e1));
        Assert.Equal((SipParseErrorKind.MessageTooLarge, 513), (e1.Kind, e1.StatusCode));
        Assert.False(tight.TryParseDatagram(Bytes("OPTIONS sip:a@b SIP/2.0\nA: 1\nB: 2\nC: 3\nD: 4\nl: 0\n\n"), message, out var e2));
        Assert.Equal((SipParseErrorKind.TooManyHeaders, 513), (e2.Kind, e2.StatusCode));
        Assert.False(tight.TryParseDatagram(Bytes("OPTIONS sip:a@b SIP/2.0\nSubject: " + new string('x', 50) + "\n\n"), message, out var e3));
        Assert.Equal((SipParseErrorKind.LineTooLong, 513), (e3.Kind, e3.StatusCode));
        Assert.False(tight.TryParseDatagram(Bytes("OPTIONS sip:a@b SIP/2.0\nl: 3\n\nabc"), message, out var e4));
        Assert.Equal((SipParseErrorKind.BodyTooLarge, 413), (e4.Kind, e4.StatusCode));
    }

    [Fact]
    public void Framed_parse_requires_content_length()
    {
        Assert.False(_parser.TryParseFramed(Bytes("OPTIONS sip:a@b SIP/2.0\nTo: <sip:a@b>\n\n"), _message, out var error));
        Assert.Equal(SipParseErrorKind.MissingContentLength, error.Kind);
        Assert.True(_parser.TryParseFramed(Bytes("OPTIONS sip:a@b SIP/2.0\nl: 2\n\nab"), _message, out _));
        Assert.Equal("ab", Encoding.ASCII.GetString(_message.GetSpan(_message.Body)));
    }
}
