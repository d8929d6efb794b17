using Xunit;
using System.Buffers;
using System.Text;
using Switchboard.Sip.Uris;

namespace Switchboard.Sip.Tests.Uris;

public class SipUriBuilderTests
{
    [Fact]
    public void Builds_canonical_uri_with_escapes_only_where_needed()
    {
        var builder = new SipUriBuilder(UriScheme.Sip, "Proxy.Example.com")
        {
            User = "alice smith;x@y",
            Password = "p:w",
            Port = 5080,
        };
        builder.SetParameter("transport", "tcp").SetParameter("lr").SetParameter("x", "a b");
        builder.Headers.Add(new("Subject", "hi there&more"));

        SipUri uri = builder.Build();

        Assert.Equal("sip:alice%20smith;x%40y:p%3Aw@Proxy.Example.com:5080;transport=tcp;lr;x=a%20b?Subject=hi%20there%26more", uri.ToString());
        Assert.Equal("alice smith;x@y", uri.User);
        Assert.Equal("p:w", uri.Password);
        Assert.Equal("hi there&more", uri.Headers[0].Value);
    }

    [Fact]
    public void Brackets_ipv6_hosts() =>
        Assert.Equal("sips:[2001:db8::1]:5061", new SipUriBuilder(UriScheme.Sips, "2001:db8::1") { Port = 5061 }.ToString());

    [Fact]
    public void Builds_tel_uri() =>
        Assert.Equal(
            SipUri.Parse("tel:+1-201-555-0123;ext=7"),
            new SipUriBuilder(UriScheme.Tel, string.Empty) { User = "+1-201-555-0123" }.SetParameter("ext", "7").Build());

    [Fact]
    public void From_round_trips_and_can_change_a_target()
    {
        SipUri original = SipUri.Parse("sip:%61lice@atlanta.com;transport=TCP;lr?subject=project%20x");
        SipUriBuilder builder = SipUriBuilder.From(original);
        Assert.Equal(original, builder.Build());

        builder.Host = "10.0.0.7";
        builder.Port = 5070;
        builder.RemoveParameter("TRANSPORT").SetParameter("lr", "on");
        Assert.Equal("sip:alice@10.0.0.7:5070;lr=on?subject=project%20x", builder.ToString());
    }

    [Theory]
    [InlineData("bad host")]
    [InlineData("")]
    [InlineData("a..b")]
    public void Build_rejects_invalid_components(string host) =>
        Assert.Throws<ArgumentException>(() => new SipUriBuilder(UriScheme.Sip, host).Build());

    [Fact]
    public void Other_schemes_cannot_be_rebuilt() =>
        Assert.Throws<ArgumentException>(() => SipUriBuilder.From(SipUri.Parse("urn:service:sos")));

    [Theory]
    [InlineData("SIP:%61lice@AtLanTa.CoM;Transport=tcp", "sip:alice@atlanta.com;Transport=tcp")]
    [InlineData("sips:%41%20b:p%77@[2001:DB8::1]:5061;lr?Subject=a%20b", "sips:A%20b:pw@[2001:db8::1]:5061;lr?Subject=a%20b")]
    [InlineData("TEL:+1-201-555-0123;EXT=7", "tel:+1-201-555-0123;EXT=7")]
    [InlineData("URN:service:sos", "urn:service:sos")]
    public void Canonical_form_normalises_case_and_escapes(string text, string canonical)
    {
        SipUri uri = SipUri.Parse(text);
        Assert.Equal(canonical, uri.ToCanonicalString());
        Assert.Equal(uri, SipUri.Parse(canonical));
    }

    [Fact]
    public void Writes_parsed_uri_unchanged()
    {
        var buffer = new ArrayBufferWriter<byte>();
        SipUri.Parse("SIP:%61lice@AtLanTa.CoM;Transport=tcp").WriteTo(buffer);
        Assert.Equal("SIP:%61lice@AtLanTa.CoM;Transport=tcp", Encoding.ASCII.GetString(buffer.WrittenSpan));
    }
}
