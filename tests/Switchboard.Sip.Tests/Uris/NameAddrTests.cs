using Xunit;
using Switchboard.Sip.Uris;

namespace Switchboard.Sip.Tests.Uris;

public class NameAddrTests
{
    private static readonly SipUri Uri = SipUri.Parse("sip:alice@atlanta.com;transport=tcp");

    [Theory]
    [InlineData(null, "<sip:alice@atlanta.com;transport=tcp>")]
    [InlineData("", "<sip:alice@atlanta.com;transport=tcp>")]
    [InlineData("Alice", "Alice <sip:alice@atlanta.com;transport=tcp>")]
    [InlineData("Alice B. Smith", "Alice B. Smith <sip:alice@atlanta.com;transport=tcp>")]
    [InlineData("Smith, Alice", "\"Smith, Alice\" <sip:alice@atlanta.com;transport=tcp>")]
    [InlineData("say \"hi\" \\o/", "\"say \\\"hi\\\" \\\\o/\" <sip:alice@atlanta.com;transport=tcp>")]
    [InlineData("Ålice", "\"Ålice\" <sip:alice@atlanta.com;transport=tcp>")]
    [InlineData("two\r\nlines", "\"twolines\" <sip:alice@atlanta.com;transport=tcp>")]
    public void Quotes_display_names_only_when_needed(string? displayName, string expected) =>
        Assert.Equal(expected, NameAddr.Format(displayName, Uri));

    [Fact]
    public void Appends_header_parameters_after_the_brackets() =>
        Assert.Equal(
            "<sip:alice@atlanta.com;transport=tcp>;tag=1928301774;expires=3600;+sip.instance=\"<urn:uuid:1>\"",
            NameAddr.Format(null, Uri, [new("tag", "1928301774"), new("expires", "3600"), new("+sip.instance", "\"<urn:uuid:1>\"")]));

    [Fact]
    public void Writes_a_flag_parameter() =>
        Assert.Equal("<sip:p.example.com;lr>;ob", NameAddr.Format(null, SipUri.Parse("sip:p.example.com;lr"), [new("ob", null)]));

    [Fact]
    public void Rejects_parameters_that_would_break_the_line() =>
        Assert.Throws<ArgumentException>(() => NameAddr.Format(null, Uri, [new("tag", "x\r\nVia: evil")]));
}
