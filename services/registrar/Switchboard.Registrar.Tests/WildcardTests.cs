using Switchboard.Registrar.Events;
using Switchboard.Registrar.Registration;
using static Switchboard.Registrar.Tests.RegistrarHarness;

namespace Switchboard.Registrar.Tests;

/// <summary>RFC 3261 §10.3 step 6: <c>Contact: *</c>.</summary>
public sealed class WildcardTests
{
    [Fact]
    public void Star_with_expires_zero_removes_every_binding()
    {
        var h = new RegistrarHarness();
        h.Register("c1", 1, 600, Contact("sip:alice@a"), Contact("sip:alice@b"));
        h.Register("c2", 1, 600, Contact("sip:alice@c"));

        var result = h.Register("c3", 1, 0, RegisterContact.Wildcard);

        Assert.Equal(200, result.StatusCode);
        Assert.Empty(result.Contacts);
        Assert.Empty(h.LookupUris());
        Assert.Equal(0, h.Store.Count);
        var removed = h.Events.OfType<ContactRemoved>();
        Assert.Equal(3, removed.Count);
        Assert.All(removed, r => Assert.Equal(ContactRemovalReason.Wildcard, r.Reason));
    }

    [Theory]
    [InlineData(3600L)]
    [InlineData(null)]
    public void Star_without_expires_zero_gets_400(long? expires)
    {
        var h = new RegistrarHarness();
        h.Register("c1", 1, 600, Contact("sip:alice@a"));

        var result = h.Register("c1", 2, expires, RegisterContact.Wildcard);

        Assert.Equal(400, result.StatusCode);
        Assert.Equal(["sip:alice@a"], h.LookupUris());
    }

    [Fact]
    public void Star_with_other_contacts_gets_400()
    {
        var h = new RegistrarHarness();
        h.Register("c1", 1, 600, Contact("sip:alice@a"));

        var result = h.Register("c1", 2, 0, RegisterContact.Wildcard, Contact("sip:alice@b"));

        Assert.Equal(400, result.StatusCode);
        Assert.Equal(["sip:alice@a"], h.LookupUris());
    }

    [Fact]
    public void Star_from_an_older_request_of_the_same_call_id_fails()
    {
        var h = new RegistrarHarness();
        h.Register("c1", 10, 600, Contact("sip:alice@a"));

        var result = h.Register("c1", 9, 0, RegisterContact.Wildcard);

        Assert.Equal(500, result.StatusCode);
        Assert.Equal(["sip:alice@a"], h.LookupUris());
    }

    [Fact]
    public void Star_on_an_empty_aor_is_fine()
    {
        var h = new RegistrarHarness();

        Assert.Equal(200, h.Register("c1", 1, 0, RegisterContact.Wildcard).StatusCode);
        Assert.Empty(h.Events.All);
    }
}
