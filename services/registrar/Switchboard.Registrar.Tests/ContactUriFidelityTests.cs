using Switchboard.Registrar.Location;
using Switchboard.Registrar.Registration;
using static Switchboard.Registrar.Tests.RegistrarHarness;

namespace Switchboard.Registrar.Tests;

/// <summary>RFC 4475 cparam02 and regescrt: contact URIs with url-parameters and escaped headers
/// must be stored and returned byte for byte.</summary>
public sealed class ContactUriFidelityTests
{
    [Theory]
    [InlineData("sip:+19725552222@gw1.example.net;unknownparam")]   // RFC 4475 cparam02
    [InlineData("sip:user@host?Route=%3Csip:sip.example.com%3E")]   // RFC 4475 regescrt
    [InlineData("sip:Bob@Host.Example.COM:5070;transport=TCP;lr;x=%41")]
    public void Contact_uri_is_kept_byte_exact(string uri)
    {
        var h = new RegistrarHarness();

        var result = h.Register("c1", 1, 600, Contact(uri));

        var listed = Assert.Single(result.Contacts);
        Assert.Equal(uri, listed.Binding.ContactUri);
        Assert.StartsWith($"<{uri}>;expires=600", listed.ToHeaderValue(), StringComparison.Ordinal);
        Assert.Equal([uri], h.LookupUris());
    }

    [Fact]
    public void Uris_differing_only_in_case_are_separate_bindings()
    {
        var h = new RegistrarHarness();

        h.Register("c1", 1, 600, Contact("sip:bob@host;x=A"), Contact("sip:bob@host;x=a"));

        Assert.Equal(2, h.LookupUris().Count);
    }

    [Fact]
    public void Header_value_lists_q_instance_reg_id_and_unknown_params()
    {
        var h = new RegistrarHarness();
        var contact = new RegisterContact(
            "sip:bob@10.0.0.9;transport=tcp", Q: "0.5", InstanceId: "\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\"",
            RegId: 1, OtherParams: [new("audio", null), new("description", "\"desk\"")]);

        var result = h.Registrar.Register(Request("c1", 1, 600, contact));

        Assert.Equal(
            "<sip:bob@10.0.0.9;transport=tcp>;expires=600;q=0.5;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\";reg-id=1;audio;description=\"desk\"",
            Assert.Single(result.Contacts).ToHeaderValue());
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("0.5", 500)]
    [InlineData("0.05", 50)]
    [InlineData("0.125", 125)]
    [InlineData("1", 1000)]
    [InlineData("1.000", 1000)]
    public void Q_values_parse_to_thousandths(string text, int thousandths)
    {
        Assert.True(QValue.TryParse(text, out var q));
        Assert.Equal(thousandths, q.Thousandths);
        Assert.True(q.IsSpecified);
    }
}
