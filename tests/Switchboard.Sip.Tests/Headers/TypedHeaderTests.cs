using System.Text;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Parsing;
using static Switchboard.Sip.Tests.TestMessages;

namespace Switchboard.Sip.Tests.Headers;

public sealed class TypedHeaderTests
{
    private readonly SipMessage _m = new();

    private void Parse(string headers)
    {
        Assert.True(new SipParser().TryParseDatagram(Bytes("OPTIONS sip:a@b SIP/2.0\n" + headers + "l: 0\n\n"), _m, out var e), e.ToString());
    }

    private string Str(SipRange r) => _m.GetString(r) ?? "<absent>";

    [Fact]
    public void Via_with_port_received_rport_maddr_ttl_and_ipv6()
    {
        Parse("Via: SIP/2.0/TCP [2001:db8::1]:5070;branch=z9hG4bKx;received=192.0.2.1;rport=6000;maddr=224.2.0.1;ttl=16;foo\n");
        Assert.True(_m.TryGetVia(out var via));
        Assert.Equal(("SIP", "2.0", "TCP"), (Str(via.ProtocolName), Str(via.ProtocolVersion), Str(via.Transport)));
        Assert.Equal(("[2001:db8::1]", 5070), (Str(via.Host), via.Port));
        Assert.Equal(("z9hG4bKx", "192.0.2.1", "224.2.0.1"), (Str(via.Branch), Str(via.Received), Str(via.Maddr)));
        Assert.Equal((true, 6000, 16), (via.HasRport, via.Rport, via.Ttl));
        Assert.True(via.HasRfc3261Branch(_m.Span));
        var names = new List<string>();
        foreach (var p in new SipParameterReader(_m.Span, via.Parameters))
        {
            names.Add(Str(p.Name));
        }

        Assert.Equal(["branch", "received", "rport", "maddr", "ttl", "foo"], names);
    }

    [Theory]
    [InlineData("Via: SIP/2.0/UDP\n")]
    [InlineData("Via: SIP/2.0 h\n")]
    [InlineData("Via: SIP/2.0/UDP h:99999\n")]
    [InlineData("Via: SIP/2.0/UDP h;;branch=1\n")]
    [InlineData("Via: SIP/2.0/UDP h;ttl=300\n")]
    public void Malformed_via_is_refused(string header)
    {
        Parse(header);
        Assert.False(_m.TryGetVia(out _));
    }

    [Fact]
    public void From_to_and_contact_forms()
    {
        Parse("From: \"Alice \\\"A\\\"\" <sip:alice@a.example;transport=tcp>;tag=88\nTo: sip:bob@b.example;tag=99\n" +
              "Contact: <sip:a@192.0.2.1>;expires=60;q=0.7;+sip.instance=\"<urn:uuid:1>\";reg-id=2, *\n");
        Assert.True(_m.TryGetFrom(out var from));
        Assert.Equal("sip:alice@a.example;transport=tcp", Str(from.Uri));
        Assert.Equal("88", Str(from.GetTag(_m.Span)));
        Assert.Equal("Alice \"A\"", SipQuotedString.GetUnquotedString(_m.GetSpan(from.DisplayName)));
        Assert.True(_m.TryGetTo(out var to));
        Assert.False(to.IsNameAddr);
        Assert.Equal(("sip:bob@b.example", "99"), (Str(to.Uri), Str(to.GetTag(_m.Span))));
        var contacts = new List<SipContact>();
        foreach (var h in _m.GetHeaders(HeaderKind.Contact))
        {
            Assert.True(_m.TryGetContact(h, out var c));
            contacts.Add(c);
        }

        Assert.Equal((60L, 700, 2L), (contacts[0].Expires, contacts[0].Q, contacts[0].RegId));
        Assert.Equal("\"<urn:uuid:1>\"", Str(contacts[0].Instance));
        Assert.True(contacts[1].IsStar);
    }

    [Theory]
    [InlineData("To: \"unterminated <sip:a@b>\n")]
    [InlineData("To: < sip:a@b >\n")]
    [InlineData("To: Bell, Alexander <sip:a@b>\n")]
    [InlineData("To: <sip:a@b\n")]
    [InlineData("To: sip:a@b;;x\n")]
    public void Malformed_addresses_are_refused(string header)
    {
        Parse(header);
        Assert.False(_m.TryGetTo(out _));
    }

    [Theory]
    [InlineData("q=1.5")]
    [InlineData("q=0.1234")]
    [InlineData("expires=4294967296")]
    [InlineData("reg-id=x")]
    public void Malformed_contact_parameters_are_refused(string parameter)
    {
        Parse($"Contact: <sip:a@b>;{parameter}\n");
        Assert.True(_m.TryGetFirst(HeaderKind.Contact, out var h));
        Assert.False(_m.TryGetContact(h, out _));
    }

    [Fact]
    public void CSeq_max_forwards_expires_and_retry_after()
    {
        Parse("CSeq: 4294967295 OPTIONS\nMax-Forwards: 255\nExpires: 3600\nRetry-After: 120 (busy);duration=60\nMin-Expires: 60\n");
        Assert.True(_m.TryGetCSeq(out var cseq));
        Assert.Equal((4294967295u, SipMethod.Options), (cseq.Number, cseq.Method));
        Assert.True(_m.TryGetMaxForwards(out var mf) && mf == 255);
        Assert.True(_m.TryGetUInt32(HeaderKind.Expires, out var expires) && expires == 3600);
        Assert.True(_m.TryGetUInt32(HeaderKind.MinExpires, out var min) && min == 60);
        Assert.True(_m.TryGetRetryAfter(out var retry) && retry == 120);
    }

    [Fact]
    public void Authorization_parameters_and_unquoting()
    {
        Parse("Authorization: Digest username=\"bob\", realm=\"a\\\"b\", nonce=\"n1\", uri=\"sip:a@b\", response=\"abc\", qop=auth, nc=00000001\n");
        Assert.True(_m.TryGetFirst(HeaderKind.Authorization, out var h));
        Assert.True(_m.TryGetAuth(h, out var auth));
        Assert.Equal("Digest", Str(auth.Scheme));
        Assert.True(auth.TryGetParameter(_m.Span, "realm"u8, out var realm));
        Span<byte> buffer = stackalloc byte[16];
        var n = SipQuotedString.Unquote(_m.GetSpan(realm), buffer);
        Assert.Equal("a\"b", Encoding.ASCII.GetString(buffer[..n]));
        Assert.True(auth.TryGetParameter(_m.Span, "qop"u8, out var qop));
        Assert.Equal("auth", Str(qop));
        Assert.False(auth.TryGetParameter(_m.Span, "opaque"u8, out _));
    }

    [Fact]
    public void Event_subscription_state_and_content_type()
    {
        Parse("Event: presence;id=7\nSubscription-State: active;expires=600\nContent-Type: application/sdp;charset=utf-8\n");
        Assert.True(_m.TryGetTokenValue(HeaderKind.Event, out var ev));
        Assert.Equal("presence", Str(ev.Token));
        Assert.True(ev.TryGetParameter(_m.Span, "id"u8, out var id) && Str(id) == "7");
        Assert.True(_m.TryGetTokenValue(HeaderKind.SubscriptionState, out var state));
        Assert.True(state.TryGetParameter(_m.Span, "expires"u8, out var exp) && Str(exp) == "600");
        Assert.True(_m.TryGetTokenValue(HeaderKind.ContentType, out var ct));
        Assert.Equal("application/sdp", Str(ct.Token));
    }

    [Fact]
    public void Methods_round_trip_through_bytes()
    {
        foreach (var method in Enum.GetValues<SipMethod>().Where(m => m is not SipMethod.None and not SipMethod.Unknown))
        {
            Assert.Equal(method, SipMethods.Parse(SipMethods.GetBytes(method)));
            Assert.Equal(System.Text.Encoding.ASCII.GetString(SipMethods.GetBytes(method)), SipMethods.GetName(method));
            Assert.Same(SipMethods.GetName(method), SipMethods.GetName(method)); // cached, not built per call
        }

        Assert.Null(SipMethods.GetName(SipMethod.Unknown));

        Assert.Equal(SipMethod.Unknown, SipMethods.Parse("invite"u8)); // methods are case-sensitive
    }
}
