using System.Buffers;
using System.Text;
using Switchboard.Sip.Writing;
using Xunit;
using static Switchboard.Sip.Tests.Writing.ParsedMessages;

namespace Switchboard.Sip.Tests.Writing;

public class SipResponseFactoryTests
{
    private const string Register =
        "REGISTER sip:registrar.biloxi.com SIP/2.0\n" +
        "Via: SIP/2.0/UDP bobspc.biloxi.com:5060;branch=z9hG4bKnashds7;received=192.0.2.4, SIP/2.0/UDP p1;branch=z9hG4bK1\n" +
        "v: SIP/2.0/TCP p2;branch=z9hG4bK2\n" +
        "Max-Forwards: 70\n" +
        "To: Bob <sip:bob@biloxi.com>\n" +
        "From: Bob <sip:bob@biloxi.com>;tag=456248\n" +
        "Call-ID: 843817637684230@998sdasdh09\n" +
        "CSeq: 1826 REGISTER\n" +
        "Record-Route: <sip:p1;lr>\n" +
        "Timestamp: 54.2\n" +
        "Contact: <sip:bob@192.0.2.4>\n" +
        "Expires: 7200\n" +
        "Content-Length: 0\n" +
        "\n";

    [Fact]
    public void Copies_via_from_to_call_id_and_cseq_and_adds_the_to_tag()
    {
        string response = Respond(Parse(Register), 200, null, "2493k59kd"u8);

        Assert.Equal(
            Crlf(
                "SIP/2.0 200 OK\n" +
                "Via: SIP/2.0/UDP bobspc.biloxi.com:5060;branch=z9hG4bKnashds7;received=192.0.2.4\n" +
                "Via: SIP/2.0/UDP p1;branch=z9hG4bK1\n" +
                "Via: SIP/2.0/TCP p2;branch=z9hG4bK2\n" +
                "From: Bob <sip:bob@biloxi.com>;tag=456248\n" +
                "To: Bob <sip:bob@biloxi.com>;tag=2493k59kd\n" +
                "Call-ID: 843817637684230@998sdasdh09\n" +
                "CSeq: 1826 REGISTER\n" +
                "Content-Length: 0\n" +
                "\n"),
            response);
    }

    [Fact]
    public void Keeps_an_existing_to_tag_and_uses_the_given_reason()
    {
        string request = Register.Replace("To: Bob <sip:bob@biloxi.com>", "To: Bob <sip:bob@biloxi.com>;tag=existing");
        string response = Respond(Parse(request), 486, "Busy Here Now", "other"u8);

        Assert.StartsWith("SIP/2.0 486 Busy Here Now\r\n", response);
        Assert.Contains("\r\nTo: Bob <sip:bob@biloxi.com>;tag=existing\r\n", response);
        Assert.DoesNotContain("other", response);
    }

    [Fact]
    public void Trying_copies_timestamp_and_carries_no_tag_when_none_is_given()
    {
        string response = Respond(Parse(Register), 100, null, default);

        Assert.StartsWith("SIP/2.0 100 Trying\r\n", response);
        Assert.Contains("\r\nTo: Bob <sip:bob@biloxi.com>\r\n", response);
        Assert.Contains("\r\nTimestamp: 54.2\r\n", response);
        Assert.DoesNotContain("Record-Route", response);
    }

    [Fact]
    public void Extra_headers_body_and_record_route_on_request()
    {
        var buffer = new ArrayBufferWriter<byte>();
        SipMessageWriter writer = SipResponseFactory.WriteResponseHead(Parse(Register), 200, null, "t1"u8, buffer, copyRecordRoute: true);
        writer.WriteHeader("Contact"u8, "<sip:bob@192.0.2.4>;expires=3600"u8);
        writer.WriteHeader("Min-Expires", "60");
        writer.EndWithBody("text/plain"u8, "hi"u8);
        string response = Encoding.UTF8.GetString(buffer.WrittenSpan);

        Assert.Contains("\r\nVia: SIP/2.0/TCP p2;branch=z9hG4bK2\r\nRecord-Route: <sip:p1;lr>\r\nFrom:", response);
        Assert.EndsWith("\r\nContact: <sip:bob@192.0.2.4>;expires=3600\r\nMin-Expires: 60\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi", response);
        Assert.DoesNotContain("Timestamp", response);

        SipMessage reparsed = Parse(response);
        Assert.Equal(200, reparsed.StatusCode);
        Assert.Equal("hi", reparsed.GetString(reparsed.Body));
    }

    [Fact]
    public void Response_reparses_with_the_request_values()
    {
        SipMessage request = Parse(Register);
        SipMessage response = Parse(Respond(request, 423, null, "x"u8));

        Assert.True(response.IsResponse);
        Assert.Equal("Interval Too Brief", response.GetString(response.ReasonPhrase));
        Assert.Equal(Values(request, HeaderKind.Via), Values(response, HeaderKind.Via));
        Assert.Equal(Values(request, HeaderKind.CSeq), Values(response, HeaderKind.CSeq));
        Assert.Equal(Values(request, HeaderKind.CallId), Values(response, HeaderKind.CallId));
        Assert.True(response.TryGetTo(out var to));
        Assert.Equal("x", response.GetString(to.GetTag(response.Span)));
    }

    [Fact]
    public void Rejects_a_response_as_input_and_bad_codes()
    {
        SipMessage response = Parse("SIP/2.0 200 OK\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nContent-Length: 0\n\n");
        Assert.Throws<ArgumentException>(() => Respond(response, 200, null, default));
        Assert.Throws<ArgumentOutOfRangeException>(() => Respond(Parse(Register), 700, null, default));
        Assert.Throws<ArgumentOutOfRangeException>(() => Respond(Parse(Register), 99, null, default));
    }

    [Fact]
    public void Reason_with_line_breaks_cannot_inject_headers() =>
        Assert.StartsWith("SIP/2.0 403 NoX-Evil: 1\r\nVia", Respond(Parse(Register), 403, "No\r\nX-Evil: 1", default));

    private static string Respond(SipMessage request, int status, string? reason, ReadOnlySpan<byte> toTag)
    {
        var buffer = new ArrayBufferWriter<byte>();
        SipResponseFactory.CreateResponse(request, status, reason, toTag, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
