using Switchboard.Registrar.Events;
using static Switchboard.Registrar.Tests.RegistrarHarness;

namespace Switchboard.Registrar.Tests;

/// <summary>RFC 3261 §10.3 step 7: same Call-ID needs a higher CSeq, a different Call-ID replaces.</summary>
public sealed class CallIdCSeqTests
{
    [Theory]
    [InlineData(5L)] // equal
    [InlineData(4L)] // lower
    public void Same_call_id_without_a_higher_cseq_fails_and_changes_nothing(long cseq)
    {
        var h = new RegistrarHarness();
        h.Register("c1", 5, 600, Contact("sip:alice@10.0.0.2"));
        h.Events.Clear();

        var result = h.Register("c1", cseq, 600, Contact("sip:alice@10.0.0.2", q: "0.2"), Contact("sip:alice@new"));

        Assert.Equal(500, result.StatusCode);
        Assert.Equal(["sip:alice@10.0.0.2"], h.LookupUris());
        Assert.False(h.Store.Lookup(Aor)[0].Q.IsSpecified);
        Assert.Empty(h.Events.All);
    }

    [Fact]
    public void Same_call_id_with_higher_cseq_updates()
    {
        var h = new RegistrarHarness();
        h.Register("c1", 5, 600, Contact("sip:alice@10.0.0.2"));

        var result = h.Register("c1", 6, 600, Contact("sip:alice@10.0.0.2", q: "0.2"));

        Assert.Equal(200, result.StatusCode);
        var binding = Assert.Single(h.Store.Lookup(Aor));
        Assert.Equal(200, binding.Q.Thousandths);
        Assert.Equal(6, binding.CSeq);
    }

    [Fact]
    public void A_different_call_id_replaces_even_with_a_lower_cseq()
    {
        var h = new RegistrarHarness();
        h.Register("c1", 50, 600, Contact("sip:alice@10.0.0.2"));

        var result = h.Register("c2", 1, 900, Contact("sip:alice@10.0.0.2"));

        Assert.Equal(200, result.StatusCode);
        var binding = Assert.Single(h.Store.Lookup(Aor));
        Assert.Equal("c2", binding.CallId);
        Assert.Equal(900, Assert.Single(result.Contacts).ExpiresSeconds);
        Assert.Single(h.Events.OfType<ContactRefreshed>());
    }

    [Fact]
    public void A_stale_removal_is_refused_too()
    {
        var h = new RegistrarHarness();
        h.Register("c1", 5, 600, Contact("sip:alice@10.0.0.2"));

        var result = h.Register("c1", 3, 0, Contact("sip:alice@10.0.0.2"));

        Assert.Equal(500, result.StatusCode);
        Assert.Equal(["sip:alice@10.0.0.2"], h.LookupUris());
    }

    [Fact]
    public void The_same_contact_twice_in_one_request_is_not_out_of_order()
    {
        var h = new RegistrarHarness();

        var result = h.Register("c1", 1, 600, Contact("sip:alice@10.0.0.2"), Contact("sip:alice@10.0.0.2", expires: 300));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(300, Assert.Single(result.Contacts).ExpiresSeconds);
    }
}
