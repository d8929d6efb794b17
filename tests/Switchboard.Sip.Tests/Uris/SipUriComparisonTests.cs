using Xunit;
using Switchboard.Sip.Uris;

namespace Switchboard.Sip.Tests.Uris;

public class SipUriComparisonTests
{
    // RFC 3261 §19.1.4, "The URIs within each of the following sets are equivalent" (every pair of each set).
    [Theory]
    [InlineData("sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;security=on")]
    [InlineData("sip:carol@chicago.com;newparam=5", "sip:carol@chicago.com;security=on")]
    [InlineData("sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com", "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com")]
    [InlineData("sip:alice@atlanta.com?subject=project%20x&priority=urgent", "sip:alice@atlanta.com?priority=urgent&subject=project%20x")]
    // "Note that equality is not transitive": both are equivalent to sip:carol@chicago.com.
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;security=off")]
    public void Rfc3261_equivalent_pairs(string a, string b) => AssertEquivalence(a, b, expected: true);

    // RFC 3261 §19.1.4, "The URIs within each of the following sets are not equivalent".
    [Theory]
    [InlineData("SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP")] // different usernames
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060")]                           // can resolve to different ports
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp")]                  // can resolve to different transports
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp")]             // different port and transport
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting")]   // different header component
    [InlineData("sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4")]                     // even if that is what it resolves to
    [InlineData("sip:carol@chicago.com;security=on", "sip:carol@chicago.com;security=off")] // equality is not transitive
    public void Rfc3261_not_equivalent_pairs(string a, string b) => AssertEquivalence(a, b, expected: false);

    [Theory]
    [InlineData("sip:alice@atlanta.com", "sips:alice@atlanta.com", false)]
    [InlineData("sip:alice@atlanta.com", "sip:atlanta.com", false)]
    [InlineData("sip:alice:pw@atlanta.com", "sip:alice@atlanta.com", false)]
    [InlineData("sip:alice:pw@atlanta.com", "sip:alice:PW@atlanta.com", false)]
    [InlineData("sip:alice:p%77@atlanta.com", "sip:alice:pw@atlanta.com", true)]
    [InlineData("sip:a@h;user=phone", "sip:a@h", false)]
    [InlineData("sip:a@h;ttl=1", "sip:a@h", false)]
    [InlineData("sip:a@h;method=INVITE", "sip:a@h", false)]
    [InlineData("sip:a@h;method=INVITE", "sip:a@h;method=invite", false)]     // methods are case-sensitive
    [InlineData("sip:a@h;maddr=239.1.1.1", "sip:a@h", false)]
    [InlineData("sip:a@h;lr", "sip:a@h", true)]
    [InlineData("sip:a@h;lr", "sip:a@h;lr=on", false)]
    [InlineData("sip:a@h;%6C%72", "sip:a@h;LR", true)]
    [InlineData("sip:a@h?Subject=x", "sip:a@h?subject=x", true)]              // header names ignore case
    [InlineData("sip:a@h?subject=x", "sip:a@h?subject=X", false)]
    [InlineData("sip:a@h:5060", "sip:a@h:05060", true)]
    [InlineData("sip:a@[2001:db8::1]", "sip:a@[2001:DB8:0:0:0:0:0:1]", true)] // RFC 5954: by address
    [InlineData("sip:a@[::ffff:192.0.2.1]", "sip:a@192.0.2.1", false)]
    [InlineData("sip:null-%00-null@example.com", "sip:null-@example.com", false)]
    [InlineData("sip:%00@host5.example.com", "sip:%00%00@host5.example.com", false)]
    [InlineData("tel:+1-201-555-0123", "tel:+1(201)5550123", true)]
    [InlineData("tel:+1-201-555-0123", "tel:+1-201-555-0124", false)]
    [InlineData("tel:7042;phone-context=Example.COM", "tel:7042;phone-context=example.com", true)]
    [InlineData("tel:863-1234;phone-context=+1-914-555", "tel:8631234;phone-context=+1914555", true)]
    [InlineData("tel:+1234;ext=1", "tel:+1234", false)]
    [InlineData("tel:+1234;a=1;b=2", "tel:+1234;b=2;a=1", true)]
    [InlineData("tel:+1234", "sip:+1234@h", false)]
    [InlineData("urn:x:y", "URN:x:y", true)]
    [InlineData("urn:x:y", "urn:x:Y", false)]
    public void Other_rules(string a, string b, bool expected) => AssertEquivalence(a, b, expected);

    [Fact]
    public void Works_as_a_dictionary_key()
    {
        var bindings = new Dictionary<SipUri, int>(SipUriComparer.Instance)
        {
            [SipUri.Parse("sip:%61lice@atlanta.com;transport=TCP")] = 1,
            [SipUri.Parse("sip:bob@[2001:db8::1]")] = 2,
        };

        Assert.Equal(1, bindings[SipUri.Parse("sip:alice@AtLanTa.CoM;Transport=tcp")]);
        Assert.Equal(2, bindings[SipUri.Parse("sip:bob@[2001:DB8::0:1]")]);
        Assert.False(bindings.ContainsKey(SipUri.Parse("sip:alice@atlanta.com")));
    }

    private static void AssertEquivalence(string a, string b, bool expected)
    {
        SipUri x = SipUri.Parse(a), y = SipUri.Parse(b);
        Assert.Equal(expected, x.Equals(y));
        Assert.Equal(expected, y.Equals(x));
        if (expected)
        {
            Assert.Equal(x.GetHashCode(), y.GetHashCode());
        }
    }
}
