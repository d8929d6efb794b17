using Switchboard.Registrar.Events;
using static Switchboard.Registrar.Tests.RegistrarHarness;

namespace Switchboard.Registrar.Tests;

public sealed class ContactLimitTests
{
    private static RegistrarHarness WithLimit(ContactLimitPolicy policy) => new(o =>
    {
        o.MaxContactsPerAor = 2;
        o.ContactLimitPolicy = policy;
    });

    [Fact]
    public void Drop_oldest_makes_room_for_the_new_contact()
    {
        var h = WithLimit(ContactLimitPolicy.DropOldest);
        h.Register("a", 1, 600, Contact("sip:alice@first"));
        h.Time.Advance(TimeSpan.FromSeconds(1));
        h.Register("b", 1, 600, Contact("sip:alice@second"));
        h.Time.Advance(TimeSpan.FromSeconds(1));

        var result = h.Register("c", 1, 600, Contact("sip:alice@third"));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(["sip:alice@third", "sip:alice@second"], h.LookupUris());
        var removed = Assert.Single(h.Events.OfType<ContactRemoved>());
        Assert.Equal(ContactRemovalReason.ContactLimit, removed.Reason);
        Assert.Equal("sip:alice@first", removed.Binding.ContactUri);
    }

    [Fact]
    public void Drop_oldest_refuses_a_request_that_alone_exceeds_the_limit()
    {
        var h = WithLimit(ContactLimitPolicy.DropOldest);

        var result = h.Register("a", 1, 600, Contact("sip:alice@1"), Contact("sip:alice@2"), Contact("sip:alice@3"));

        Assert.Equal(403, result.StatusCode);
        Assert.Empty(h.LookupUris());
    }

    [Fact]
    public void Reject_policy_answers_403_and_keeps_the_bindings()
    {
        var h = WithLimit(ContactLimitPolicy.Reject);
        h.Register("a", 1, 600, Contact("sip:alice@first"), Contact("sip:alice@second"));

        var result = h.Register("c", 1, 600, Contact("sip:alice@third"));

        Assert.Equal(403, result.StatusCode);
        Assert.Equal(2, h.LookupUris().Count);
        Assert.DoesNotContain("sip:alice@third", h.LookupUris());
    }

    [Fact]
    public void Reject_policy_still_allows_refreshes_at_the_limit()
    {
        var h = WithLimit(ContactLimitPolicy.Reject);
        h.Register("a", 1, 600, Contact("sip:alice@first"), Contact("sip:alice@second"));

        Assert.Equal(200, h.Register("a", 2, 600, Contact("sip:alice@first")).StatusCode);
    }
}
