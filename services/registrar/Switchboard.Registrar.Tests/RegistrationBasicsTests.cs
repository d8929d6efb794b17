using Switchboard.Registrar.Events;
using static Switchboard.Registrar.Tests.RegistrarHarness;

namespace Switchboard.Registrar.Tests;

public sealed class RegistrationBasicsTests
{
    [Fact]
    public void New_contacts_are_bound_each_with_its_own_expiry()
    {
        var h = new RegistrarHarness();

        var result = h.Register("c1", 1, 3600, Contact("sip:alice@10.0.0.2"), Contact("sip:alice@10.0.0.3", expires: 120));

        Assert.Equal(200, result.StatusCode);
        var listed = result.Contacts.ToDictionary(c => c.Binding.ContactUri, c => c.ExpiresSeconds);
        Assert.Equal(3600, listed["sip:alice@10.0.0.2"]);
        Assert.Equal(120, listed["sip:alice@10.0.0.3"]);
        Assert.Equal(2, h.Events.OfType<ContactRegistered>().Count);
        Assert.Equal(2, h.Store.Count);
    }

    [Theory]
    [InlineData(300L, 900L, 300L)]   // the Contact param wins over the header
    [InlineData(null, 900L, 900L)]   // header when no param
    [InlineData(null, null, 3600L)]  // default when neither
    [InlineData(7200L, null, 3600L)] // clamped to MaximumRegistration
    public void Expiry_comes_from_param_then_header_then_default(long? param, long? header, long expected)
    {
        var h = new RegistrarHarness();

        var result = h.Register("c1", 1, header, Contact("sip:alice@10.0.0.2", expires: param));

        Assert.Equal(expected, Assert.Single(result.Contacts).ExpiresSeconds);
    }

    [Fact]
    public void Expiry_under_the_minimum_gets_423_with_Min_Expires_and_stores_nothing()
    {
        var h = new RegistrarHarness(o => o.MinimalRegistration = TimeSpan.FromSeconds(90));

        var result = h.Register("c1", 1, 3600, Contact("sip:alice@10.0.0.2"), Contact("sip:alice@10.0.0.3", expires: 30));

        Assert.Equal(423, result.StatusCode);
        Assert.Equal("Interval Too Brief", result.ReasonPhrase);
        Assert.Equal(90, result.MinExpires);
        Assert.Equal("90", result.Header("Min-Expires"));
        Assert.Empty(h.LookupUris());
        Assert.Empty(h.Events.All);
    }

    [Fact]
    public void Expires_zero_is_not_too_brief_and_removes_only_that_binding()
    {
        var h = new RegistrarHarness();
        h.Register("c1", 1, 3600, Contact("sip:alice@10.0.0.2"), Contact("sip:alice@10.0.0.3"));

        var result = h.Register("c1", 2, null, Contact("sip:alice@10.0.0.2", expires: 0));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(["sip:alice@10.0.0.3"], result.Contacts.Select(c => c.Binding.ContactUri));
        Assert.Equal(["sip:alice@10.0.0.3"], h.LookupUris());
        var removed = Assert.Single(h.Events.OfType<ContactRemoved>());
        Assert.Equal(ContactRemovalReason.Unregistered, removed.Reason);
        Assert.Equal("sip:alice@10.0.0.2", removed.Binding.ContactUri);
    }

    [Fact]
    public void Query_register_lists_bindings_with_remaining_expiry_and_changes_nothing()
    {
        var h = new RegistrarHarness();
        h.Register("c1", 1, 600, Contact("sip:alice@10.0.0.2"));
        h.Events.Clear();
        h.Time.Advance(TimeSpan.FromSeconds(100));

        var result = h.Register("other", 1, null);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(500, Assert.Single(result.Contacts).ExpiresSeconds);
        Assert.Empty(h.Events.All);
    }

    [Fact]
    public void The_200_carries_a_Date_header()
    {
        var h = new RegistrarHarness();

        var result = h.Register("c1", 1, 600, Contact("sip:alice@10.0.0.2"));

        Assert.Equal("Thu, 01 Jan 2026 12:00:00 GMT", result.Header("Date"));
    }

    [Fact]
    public void Refresh_keeps_one_binding_and_raises_refreshed()
    {
        var h = new RegistrarHarness();
        h.Register("c1", 1, 600, Contact("sip:alice@10.0.0.2"));
        h.Time.Advance(TimeSpan.FromSeconds(300));

        var result = h.Register("c1", 2, 600, Contact("sip:alice@10.0.0.2"));

        Assert.Equal(600, Assert.Single(result.Contacts).ExpiresSeconds);
        var refreshed = Assert.Single(h.Events.OfType<ContactRefreshed>());
        Assert.Equal(Start, refreshed.Binding.RegisteredAt);
        Assert.Equal(Start.AddSeconds(300), refreshed.Binding.UpdatedAt);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("0.1234")]
    [InlineData("abc")]
    [InlineData("")]
    public void Bad_q_values_get_400(string q)
    {
        var h = new RegistrarHarness();

        var result = h.Register("c1", 1, 600, Contact("sip:alice@10.0.0.2", q: q));

        Assert.Equal(400, result.StatusCode);
        Assert.Empty(h.LookupUris());
    }

    [Fact]
    public void Lookup_orders_by_q_then_most_recent()
    {
        var h = new RegistrarHarness();
        h.Register("a", 1, 600, Contact("sip:alice@low", q: "0.1"));
        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Register("b", 1, 600, Contact("sip:alice@older-high", q: "0.9"));
        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Register("c", 1, 600, Contact("sip:alice@newer-high", q: "0.9"));
        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Register("d", 1, 600, Contact("sip:alice@no-q"));

        Assert.Equal(["sip:alice@no-q", "sip:alice@newer-high", "sip:alice@older-high", "sip:alice@low"], h.LookupUris());
    }

    [Fact]
    public void Negative_expires_gets_400()
    {
        var h = new RegistrarHarness();

        Assert.Equal(400, h.Register("c1", 1, -5, Contact("sip:alice@10.0.0.2")).StatusCode);
        Assert.Equal(400, h.Register("c1", 2, null, Contact("sip:alice@10.0.0.2", expires: -1)).StatusCode);
    }
}
