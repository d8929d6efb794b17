using Xunit;
using Switchboard.Sip.Uris;

namespace Switchboard.Sip.Tests.Uris;

public class SipUriParseTests
{
    [Theory]
    // text, scheme, user, password, host, host kind, port (-1 none)
    [InlineData("sip:alice@atlanta.com", UriScheme.Sip, "alice", null, "atlanta.com", UriHostKind.DomainName, -1)]
    [InlineData("SIPS:bob@biloxi.com:5061", UriScheme.Sips, "bob", null, "biloxi.com", UriHostKind.DomainName, 5061)]
    [InlineData("sip:alice:secretword@atlanta.com;transport=tcp", UriScheme.Sip, "alice", "secretword", "atlanta.com", UriHostKind.DomainName, -1)]
    [InlineData("sip:+1-212-555-1212:1234@gateway.com;user=phone", UriScheme.Sip, "+1-212-555-1212", "1234", "gateway.com", UriHostKind.DomainName, -1)]
    [InlineData("sip:alice@192.0.2.4", UriScheme.Sip, "alice", null, "192.0.2.4", UriHostKind.IPv4, -1)]
    [InlineData("sip:192.0.2.4:0", UriScheme.Sip, null, null, "192.0.2.4", UriHostKind.IPv4, 0)]
    [InlineData("sip:host.example.com.:65535", UriScheme.Sip, null, null, "host.example.com.", UriHostKind.DomainName, 65535)]
    [InlineData("sip:[2001:db8::10]:5070", UriScheme.Sip, null, null, "[2001:db8::10]", UriHostKind.IPv6, 5070)]
    [InlineData("sip:u@[::ffff:192.0.2.1]", UriScheme.Sip, "u", null, "[::ffff:192.0.2.1]", UriHostKind.IPv6, -1)]
    [InlineData("sip:[1:2:3:4:5:6:7:8]", UriScheme.Sip, null, null, "[1:2:3:4:5:6:7:8]", UriHostKind.IPv6, -1)]
    [InlineData("sip:[::1]", UriScheme.Sip, null, null, "[::1]", UriHostKind.IPv6, -1)]
    [InlineData("sip:123:@10.43.12.14", UriScheme.Sip, "123", "", "10.43.12.14", UriHostKind.IPv4, -1)]
    [InlineData("sip:%23123%31@10.43.12.14", UriScheme.Sip, "#1231", null, "10.43.12.14", UriHostKind.IPv4, -1)]
    [InlineData("sip:I%20have%20spaces@example.net", UriScheme.Sip, "I have spaces", null, "example.net", UriHostKind.DomainName, -1)]
    [InlineData("sip:a@1host-2.x-y.example", UriScheme.Sip, "a", null, "1host-2.x-y.example", UriHostKind.DomainName, -1)]
    [InlineData("sip:a@localhost:05060", UriScheme.Sip, "a", null, "localhost", UriHostKind.DomainName, 5060)]
    public void Parses_components(string text, UriScheme scheme, string? user, string? password, string host, UriHostKind kind, int port)
    {
        Assert.True(SipUri.TryParse(text, out SipUri? uri), text);
        Assert.Equal(scheme, uri.Scheme);
        Assert.Equal(user, uri.User);
        Assert.Equal(password, uri.Password);
        Assert.Equal(host, uri.Host);
        Assert.Equal(kind, uri.HostKind);
        Assert.Equal(port < 0 ? null : port, uri.Port);
        Assert.Equal(text, uri.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("sip")]
    [InlineData("sip:")]
    [InlineData("sip:@example.com")]                 // empty user
    [InlineData("sip:alice@")]                       // no host
    [InlineData("sip:alice@exa mple.com")]           // space
    [InlineData("sip:alice @example.com")]           // space in user
    [InlineData("sip:alice@example.com ")]           // trailing space
    [InlineData("sip:al\tice@example.com")]          // control character
    [InlineData("sip:al\u0001ice@example.com")]     // control character
    [InlineData("sip:alice@example.com:")]           // empty port
    [InlineData("sip:alice@example.com:65536")]      // port out of range
    [InlineData("sip:alice@example.com:99999999999")]
    [InlineData("sip:alice@example.com:50a0")]
    [InlineData("sip:alice@ex%61mple.com")]          // no escapes in host
    [InlineData("sip:alice@example.com:%35060")]     // no escapes in port
    [InlineData("sip:al%4ice@example.com")]          // malformed escape
    [InlineData("sip:alice%2@example.com")]          // truncated escape
    [InlineData("sip:alice%@example.com")]
    [InlineData("sip:alice@example.com;lr=%G1")]
    [InlineData("sip:alice@-example.com")]           // label starts with '-'
    [InlineData("sip:alice@example-.com")]
    [InlineData("sip:alice@example..com")]
    [InlineData("sip:alice@example.123")]            // top label must start with a letter
    [InlineData("sip:alice@1.2.3.256")]
    [InlineData("sip:alice@ex_ample.com")]
    [InlineData("sip:alice@[2001:db8::1")]           // unclosed bracket
    [InlineData("sip:alice@[2001:db8::1::2]")]       // two "::"
    [InlineData("sip:alice@[12345::1]")]
    [InlineData("sip:alice@[1:2:3:4:5:6:7]")]        // seven groups, no "::"
    [InlineData("sip:alice@[1:2:3:4:5:6:7:8:9]")]
    [InlineData("sip:alice@[fe80::1%25eth0]")]       // zone ids are not in the grammar
    [InlineData("sip:alice@2001:db8::1")]            // IPv6 without brackets
    [InlineData("sip:alice@example.com;")]           // empty parameter
    [InlineData("sip:alice@example.com;;lr")]
    [InlineData("sip:alice@example.com;ttl=")]       // empty value
    [InlineData("sip:alice@example.com;=x")]
    [InlineData("sip:alice@example.com;a=b c")]
    [InlineData("sip:alice@example.com;a=\"b\"")]
    [InlineData("sip:alice@example.com?")]           // empty headers
    [InlineData("sip:alice@example.com?subject")]    // header without '='
    [InlineData("sip:alice@example.com?=x")]
    [InlineData("sip:alice@example.com?a=b&")]
    [InlineData("sip:alice@example.com>")]
    [InlineData("<sip:alice@example.com>")]
    [InlineData("sip:alice:pa:ss@example.com")]      // ':' not allowed in password
    [InlineData("1sip:alice@example.com")]           // scheme must start with a letter
    [InlineData("si p:alice@example.com")]
    [InlineData("tel:")]
    [InlineData("tel:+")]                            // no digits
    [InlineData("tel:7042")]                         // local number without phone-context
    [InlineData("tel:+12a4")]                        // hex only in local numbers
    [InlineData("tel:+1234;phone-context")]
    [InlineData("tel:+1234;par am=1")]
    [InlineData("mailto:")]                          // nothing after the scheme
    [InlineData("urn:a b")]
    [InlineData("http://exa\"mple.com/")]
    public void Rejects_malformed(string text)
    {
        Assert.False(SipUri.TryParse(text, out SipUri? uri), text);
        Assert.Null(uri);
    }

    [Fact]
    public void Reads_parameters_and_headers_unescaped()
    {
        SipUri uri = SipUri.Parse("sip:user@host:5061;transport=TLS;user=phone;method=INVITE;ttl=16;maddr=239.255.255.1;lr;x%3Dy=a%3Bb?Subject=next%20meeting&to=sip:bob%40biloxi.com&empty=");

        Assert.Equal("TLS", uri.Transport);
        Assert.Equal("phone", uri.UserParameter);
        Assert.Equal("INVITE", uri.Method);
        Assert.Equal(16, uri.Ttl);
        Assert.Equal("239.255.255.1", uri.Maddr);
        Assert.True(uri.IsLooseRouting);
        Assert.Equal(string.Empty, uri.GetParameter("lr"));
        Assert.Equal("a;b", uri.GetParameter("x=y"));
        Assert.Null(uri.GetParameter("absent"));
        Assert.Equal(5061, uri.EffectivePort);
        Assert.Equal(
            [new("transport", "TLS"), new("user", "phone"), new("method", "INVITE"), new("ttl", "16"), new("maddr", "239.255.255.1"), new("lr", null), new("x=y", "a;b")],
            uri.Parameters);
        Assert.Equal(
            [new("Subject", "next meeting"), new("to", "sip:bob@biloxi.com"), new("empty", "")],
            uri.Headers);
    }

    [Theory]
    [InlineData("sip:a@b", 5060)]
    [InlineData("sips:a@b", 5061)]
    [InlineData("sip:a@b;transport=tls", 5061)]
    [InlineData("sip:a@b:7000;transport=tls", 7000)]
    public void Effective_port_defaults_by_scheme_and_transport(string text, int port) =>
        Assert.Equal(port, SipUri.Parse(text).EffectivePort);

    [Theory]
    // text, number, is global, phone-context
    [InlineData("tel:+1-201-555-0123", "+1-201-555-0123", null)]
    [InlineData("tel:+1-201-555-0123;ext=1234", "+1-201-555-0123", null)]
    [InlineData("tel:+1-201-555-0123;flag", "+1-201-555-0123", null)]
    [InlineData("tel:7042;phone-context=example.com", "7042", "example.com")]
    [InlineData("tel:863-1234;phone-context=+1-914-555", "863-1234", "+1-914-555")]
    [InlineData("tel:*21#;phone-context=+49", "*21#", "+49")]
    [InlineData("TEL:+49(0)30.1234;isub=ab12;x-par=%41", "+49(0)30.1234", null)]
    public void Parses_tel_uris(string text, string number, string? context)
    {
        Assert.True(SipUri.TryParse(text, out SipUri? uri), text);
        Assert.Equal(UriScheme.Tel, uri.Scheme);
        Assert.Equal(number, uri.User);
        Assert.Equal(context, uri.GetParameter("phone-context"));
        Assert.Equal(UriHostKind.None, uri.HostKind);
        Assert.Equal(string.Empty, uri.Host);
    }

    [Theory]
    [InlineData("nobodyKnowsThisScheme:totallyopaquecontent", "nobodyKnowsThisScheme", "totallyopaquecontent")]
    [InlineData("soap.beep://192.0.2.103:3002", "soap.beep", "//192.0.2.103:3002")]
    [InlineData("http://www.example.com", "http", "//www.example.com")]
    [InlineData("name:John_Smith", "name", "John_Smith")]
    [InlineData("isbn:2983792873", "isbn", "2983792873")]
    [InlineData("mailto:a%20b@example.com?subject=x", "mailto", "a%20b@example.com?subject=x")]
    public void Recognises_other_schemes(string text, string scheme, string opaque)
    {
        Assert.True(SipUri.TryParse(text, out SipUri? uri), text);
        Assert.Equal(UriScheme.Other, uri.Scheme);
        Assert.Equal(scheme, uri.SchemeName);
        Assert.Equal(opaque, uri.Opaque);
    }

    [Fact]
    public void View_parses_without_copying_and_finds_escaped_parameter_names()
    {
        ReadOnlySpan<byte> text = "sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31"u8;

        Assert.True(SipUriView.TryParse(text, out SipUriView view));
        Assert.True(view.IsLooseRouting);
        Assert.True(view.TryGetParameter("name"u8, out UriParameter name));
        Assert.Equal("value%41", PercentEncoding.Decode(name.Value));
        Assert.True(view.Host.SequenceEqual("host5.example.net"u8));
        Assert.True(view.User.SequenceEqual("cal%6Cer"u8));
    }

    [Fact]
    public void Rejects_non_ascii_strings() => Assert.False(SipUri.TryParse("sip:ålice@example.com", out _));
}
