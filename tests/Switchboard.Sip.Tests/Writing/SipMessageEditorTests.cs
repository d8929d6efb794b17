using Switchboard.Sip.Writing;
using Xunit;
using static Switchboard.Sip.Tests.Writing.ParsedMessages;

namespace Switchboard.Sip.Tests.Writing;

public class SipMessageEditorTests
{
    private const string NewVia = "SIP/2.0/UDP proxy.example.com;branch=z9hG4bKnew";

    [Fact]
    public void Without_edits_writes_the_received_bytes() =>
        Assert.Equal(Crlf(Invite), Write(Edit(Parse(Invite))));

    [Fact]
    public void Push_via_goes_above_the_top_via()
    {
        SipMessageEditor editor = Edit(Parse(Invite));
        editor.PushVia(System.Text.Encoding.ASCII.GetBytes(NewVia));

        Assert.Equal(Crlf(Invite.Replace("Via: SIP/2.0/UDP pc33", $"Via: {NewVia}\nVia: SIP/2.0/UDP pc33")), Write(editor));
    }

    [Fact]
    public void Pop_via_removes_one_value_of_a_comma_list_then_the_line()
    {
        SipMessageEditor editor = Edit(Parse(Invite));
        Assert.True(editor.PopVia());
        Assert.Equal(Crlf(Invite.Replace("SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds, ", "")), Write(editor));

        Assert.True(editor.PopVia());
        Assert.Equal(
            Crlf(Invite.Replace("Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds, SIP/2.0/UDP p1.example.com;branch=z9hG4bK1\n", "")),
            Write(editor));

        Assert.True(editor.PopVia());
        Assert.False(editor.PopVia());
        Assert.DoesNotContain("Via:", Write(editor));
    }

    [Fact]
    public void Pop_via_then_push_via_replace_the_top()
    {
        SipMessageEditor editor = Edit(Parse(Invite));
        editor.PopVia();
        editor.PushVia(System.Text.Encoding.ASCII.GetBytes(NewVia));

        Assert.Equal(
            Crlf(Invite.Replace("Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds, ", $"Via: {NewVia}\nVia: ")),
            Write(editor));
    }

    [Fact]
    public void Pop_route_and_prepend_route()
    {
        SipMessageEditor editor = Edit(Parse(Invite));
        Assert.True(editor.PopRoute());
        editor.PrependRoute("<sip:edge.example.com;lr>"u8);

        Assert.Equal(
            Crlf(Invite.Replace("Route: <sip:p1.example.com;lr>, ", "Route: <sip:edge.example.com;lr>\nRoute: ")),
            Write(editor));
    }

    [Fact]
    public void Record_route_goes_on_top_of_the_existing_ones_or_of_the_headers()
    {
        const string withRecordRoute = "OPTIONS sip:b@h SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nRecord-Route: <sip:p1;lr>\nCall-ID: x\nContent-Length: 0\n\n";
        SipMessageEditor editor = Edit(Parse(withRecordRoute));
        editor.AddRecordRoute("<sip:me;lr>"u8);
        Assert.Equal(Crlf(withRecordRoute.Replace("Record-Route: <sip:p1;lr>", "Record-Route: <sip:me;lr>\nRecord-Route: <sip:p1;lr>")), Write(editor));

        editor = Edit(Parse(Invite));
        editor.AddRecordRoute("<sip:me;lr>"u8);
        Assert.Equal(Crlf(Invite.Replace("SIP/2.0\nVia:", "SIP/2.0\nRecord-Route: <sip:me;lr>\nVia:")), Write(editor));
    }

    [Theory]
    [InlineData("Max-Forwards: 70", MaxForwardsResult.Decremented, 69, "Max-Forwards: 69")]
    [InlineData("Max-Forwards: 0068", MaxForwardsResult.Decremented, 67, "Max-Forwards: 67")]
    [InlineData("Max-Forwards: 1", MaxForwardsResult.Decremented, 0, "Max-Forwards: 0")]
    [InlineData("Max-Forwards: 0", MaxForwardsResult.Exhausted, -1, "Max-Forwards: 0")]
    [InlineData("Max-Forwards: 256", MaxForwardsResult.Invalid, -1, "Max-Forwards: 256")]
    [InlineData("Max-Forwards: many", MaxForwardsResult.Invalid, -1, "Max-Forwards: many")]
    public void Decrement_max_forwards(string line, MaxForwardsResult expected, int value, string after)
    {
        string message = Invite.Replace("Max-Forwards: 70", line);
        SipMessageEditor editor = Edit(Parse(message));

        Assert.Equal(expected, editor.DecrementMaxForwards(out int newValue));
        Assert.Equal(value, newValue);
        Assert.Equal(Crlf(message.Replace(line, after)), Write(editor));
    }

    [Fact]
    public void Missing_max_forwards_is_added_with_70()
    {
        string message = Invite.Replace("Max-Forwards: 70\n", "");
        SipMessageEditor editor = Edit(Parse(message));

        Assert.Equal(MaxForwardsResult.Added, editor.DecrementMaxForwards(out int value));
        Assert.Equal(70, value);
        Assert.Equal(Crlf(message.Replace("Content-Length: 5\n", "Content-Length: 5\nMax-Forwards: 70\n")), Write(editor));
    }

    [Fact]
    public void Replace_request_uri()
    {
        SipMessageEditor editor = Edit(Parse(Invite));
        editor.ReplaceRequestUri("sip:bob@192.0.2.4:5070;transport=tcp"u8);
        Assert.Equal(Crlf(Invite.Replace("INVITE sip:bob@biloxi.com", "INVITE sip:bob@192.0.2.4:5070;transport=tcp")), Write(editor));
    }

    [Fact]
    public void Responses_have_no_request_uri()
    {
        SipMessageEditor editor = Edit(Parse("SIP/2.0 200 OK\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nContent-Length: 0\n\n"));
        Assert.Throws<InvalidOperationException>(() => editor.ReplaceRequestUri("sip:x"u8));
    }

    [Fact]
    public void Add_header_goes_after_the_last_header()
    {
        SipMessageEditor editor = Edit(Parse(Invite));
        editor.AddHeader("X-Switchboard"u8, "forwarded"u8);
        editor.AddHeader("Path"u8, "<sip:edge;lr>"u8);
        Assert.Equal(Crlf(Invite.Replace("Content-Length: 5\n", "Content-Length: 5\nX-Switchboard: forwarded\nPath: <sip:edge;lr>\n")), Write(editor));
    }

    [Fact]
    public void Remove_headers_by_kind_by_name_and_by_compact_name()
    {
        string message = Invite.Replace("Contact:", "X-Secret: 1\nm:") + "";
        message = message.Replace("Content-Type: application/sdp\n", "Content-Type: application/sdp\nx-secret: 2\n");
        SipMessageEditor editor = Edit(Parse(message));

        Assert.Equal(2, editor.RemoveHeaders("X-SECRET"u8));
        Assert.Equal(1, editor.RemoveHeaders("Contact"u8));
        Assert.Equal(2, editor.RemoveHeaders(HeaderKind.Route));
        Assert.Equal(0, editor.RemoveHeaders(HeaderKind.Route));

        Assert.Equal(
            Crlf(Invite.Replace("Contact: <sip:alice@pc33.atlanta.com>\n", "").Replace("Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>\n", "")),
            Write(editor));
    }

    [Theory]
    [InlineData("1", "Supported: a,c")]
    [InlineData("0", "Supported: b,\n c")]
    [InlineData("2", "Supported: a,b")]
    [InlineData("0,1", "Supported: c")]
    [InlineData("1,2", "Supported: a")]
    [InlineData("2,1", "Supported: a")]
    [InlineData("0,2", "Supported: b")]
    [InlineData("0,1,2", "")]
    public void Removing_values_of_one_comma_list_combines(string removed, string expectedLine)
    {
        // "a,b,\n c": no space after the first comma and a folded third value.
        string message = "OPTIONS sip:b@h SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nSupported: a,b,\n c\nCall-ID: x\nContent-Length: 0\n\n";
        SipMessage parsed = Parse(message);
        SipMessageEditor editor = Edit(parsed);
        int firstSupported = FirstIndex(parsed, HeaderKind.Supported);
        foreach (string index in removed.Split(','))
        {
            Assert.True(editor.RemoveValue(firstSupported + int.Parse(index)));
        }

        string expected = expectedLine.Length == 0
            ? message.Replace("Supported: a,b,\n c\n", "")
            : message.Replace("Supported: a,b,\n c", expectedLine);
        string written = Write(editor);
        Assert.Equal(Crlf(expected), written);
    }

    [Fact]
    public void Replace_body_fixes_content_length_and_type()
    {
        SipMessageEditor editor = Edit(Parse(Invite));
        editor.ReplaceBody("v=0\r\no=- 1 1 IN IP4 192.0.2.9\r\n"u8, "application/sdp;x=1"u8);

        Assert.Equal(
            Crlf(Invite.Replace("Content-Length: 5", "Content-Length: 31").Replace("application/sdp\n", "application/sdp;x=1\n").Replace("\nv=0\n", "\nv=0\no=- 1 1 IN IP4 192.0.2.9\n")),
            Write(editor));
    }

    [Fact]
    public void Replace_body_adds_content_length_when_the_datagram_had_none()
    {
        string rfc2543 = "INVITE sip:b@h SIP/2.0\nVia: SIP/2.0/UDP h\nCall-ID: x\n\nbody";
        SipMessageEditor editor = Edit(Parse(rfc2543));
        editor.EnsureContentLength();
        Assert.Equal(Crlf("INVITE sip:b@h SIP/2.0\nVia: SIP/2.0/UDP h\nCall-ID: x\nContent-Length: 4\n\nbody"), Write(editor));

        editor.Reset(Parse(rfc2543));
        editor.ReplaceBody(default);
        Assert.Equal(Crlf("INVITE sip:b@h SIP/2.0\nVia: SIP/2.0/UDP h\nCall-ID: x\nContent-Length: 0\n\n"), Write(editor));
    }

    [Fact]
    public void Conflicting_edits_are_reported()
    {
        SipMessageEditor editor = Edit(Parse(Invite));
        editor.DecrementMaxForwards(out _);
        Assert.Throws<InvalidOperationException>(() => editor.RemoveHeaders(HeaderKind.MaxForwards));
    }

    [Fact]
    public void Typical_proxy_forwarding_produces_the_reference_message()
    {
        SipMessageEditor editor = Edit(Parse(Invite));
        editor.PushVia(System.Text.Encoding.ASCII.GetBytes(NewVia));
        Assert.Equal(MaxForwardsResult.Decremented, editor.DecrementMaxForwards(out _));
        Assert.True(editor.PopRoute());
        editor.AddRecordRoute("<sip:proxy.example.com;lr>"u8);

        const string expected =
            "INVITE sip:bob@biloxi.com SIP/2.0\n" +
            "Via: " + NewVia + "\n" +
            "Record-Route: <sip:proxy.example.com;lr>\n" +
            "Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds, SIP/2.0/UDP p1.example.com;branch=z9hG4bK1\n" +
            "Via: SIP/2.0/TCP p2.example.com;branch=z9hG4bK2\n" +
            "Max-Forwards: 69\n" +
            "Route: <sip:p2.example.com;lr>\n" +
            "To: Bob <sip:bob@biloxi.com>\n" +
            "From: Alice <sip:alice@atlanta.com>;tag=1928301774\n" +
            "Call-ID: a84b4c76e66710@pc33.atlanta.com\n" +
            "CSeq: 314159 INVITE\n" +
            "Contact: <sip:alice@pc33.atlanta.com>\n" +
            "Content-Type: application/sdp\n" +
            "Content-Length: 5\n" +
            "\n" +
            "v=0\n";
        Assert.Equal(Crlf(expected), Write(editor));
    }

    [Fact]
    public void Edited_message_reparses_with_the_expected_values()
    {
        SipMessageEditor editor = Edit(Parse(Invite));
        editor.PopVia();
        editor.PushVia(System.Text.Encoding.ASCII.GetBytes(NewVia));
        editor.DecrementMaxForwards(out _);
        editor.PopRoute();
        editor.PrependRoute("<sip:edge.example.com;lr>"u8);
        editor.AddRecordRoute("<sip:proxy.example.com;lr>"u8);
        editor.ReplaceRequestUri("sip:bob@192.0.2.4"u8);
        editor.RemoveHeaders(HeaderKind.Contact);
        editor.ReplaceBody("hello"u8);

        SipMessage reparsed = Parse(Write(editor));

        Assert.Equal("sip:bob@192.0.2.4", reparsed.GetString(reparsed.RequestUri));
        Assert.Equal(NewVia + " | SIP/2.0/UDP p1.example.com;branch=z9hG4bK1 | SIP/2.0/TCP p2.example.com;branch=z9hG4bK2", Values(reparsed, HeaderKind.Via));
        Assert.Equal("<sip:edge.example.com;lr> | <sip:p2.example.com;lr>", Values(reparsed, HeaderKind.Route));
        Assert.Equal("<sip:proxy.example.com;lr>", Values(reparsed, HeaderKind.RecordRoute));
        Assert.True(reparsed.TryGetMaxForwards(out int maxForwards));
        Assert.Equal(69, maxForwards);
        Assert.False(reparsed.Contains(HeaderKind.Contact));
        Assert.Equal("hello", reparsed.GetString(reparsed.Body));
        Assert.Equal("5", Values(reparsed, HeaderKind.ContentLength));
    }

    [Fact]
    public void Reset_reuses_the_editor_for_the_next_message()
    {
        var editor = new SipMessageEditor();
        editor.Reset(Parse(Invite));
        editor.PopVia();
        editor.Reset(Parse(Invite));
        Assert.Equal(Crlf(Invite), Write(editor));
        Assert.True(editor.PopVia());
    }

    private static int FirstIndex(SipMessage message, HeaderKind kind)
    {
        for (int i = 0; i < message.HeaderCount; i++)
        {
            if (message.Headers[i].Kind == kind)
            {
                return i;
            }
        }

        return -1;
    }
}
