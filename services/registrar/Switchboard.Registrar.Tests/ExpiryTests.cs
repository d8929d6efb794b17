using Microsoft.Extensions.Options;
using Switchboard.Registrar.Events;
using Switchboard.Registrar.Registration;
using static Switchboard.Registrar.Tests.RegistrarHarness;

namespace Switchboard.Registrar.Tests;

public sealed class ExpiryTests
{
    private static ExpirySweeper Sweeper(RegistrarHarness h) =>
        new(h.Store, new SettableOptionsMonitor<RegistrarOptions>(h.Options), h.Time, h.Events);

    [Fact]
    public void Binding_expires_on_time_raising_ContactExpired()
    {
        var h = new RegistrarHarness();
        using var sweeper = Sweeper(h);
        h.Register("c1", 1, 120, Contact("sip:alice@short"));
        h.Register("c2", 1, 600, Contact("sip:alice@long"));

        h.Time.Advance(TimeSpan.FromSeconds(119));
        Assert.Empty(h.Events.OfType<ContactExpired>());

        h.Time.Advance(TimeSpan.FromSeconds(2));
        var expired = Assert.Single(h.Events.OfType<ContactExpired>());
        Assert.Equal("sip:alice@short", expired.Binding.ContactUri);
        Assert.Equal(["sip:alice@long"], h.LookupUris());
        Assert.Equal(1, h.Store.Count);

        h.Time.Advance(TimeSpan.FromSeconds(600));
        Assert.Empty(h.LookupUris());
        Assert.Equal(0, h.Store.Count);
        Assert.Equal(2, h.Events.OfType<ContactExpired>().Count);
    }

    [Fact]
    public void Lookup_hides_an_expired_binding_before_the_sweep()
    {
        var h = new RegistrarHarness();
        h.Register("c1", 1, 60, Contact("sip:alice@a"));

        h.Time.Advance(TimeSpan.FromSeconds(61)); // no sweeper running

        Assert.Empty(h.LookupUris());
        Assert.Empty(h.Register("q", 1, null).Contacts);
    }

    [Fact]
    public void A_refreshed_binding_does_not_expire_at_its_old_time()
    {
        var h = new RegistrarHarness();
        using var sweeper = Sweeper(h);
        h.Register("c1", 1, 120, Contact("sip:alice@a"));
        h.Time.Advance(TimeSpan.FromSeconds(100));
        h.Register("c1", 2, 120, Contact("sip:alice@a"));

        h.Time.Advance(TimeSpan.FromSeconds(50));

        Assert.Empty(h.Events.OfType<ContactExpired>());
        Assert.Equal(["sip:alice@a"], h.LookupUris());
    }

    [Fact]
    public void Sweep_after_a_long_pause_takes_every_due_bucket()
    {
        var h = new RegistrarHarness(o => o.MaxContactsPerAor = 0);
        for (var i = 0; i < 50; i++)
        {
            h.Register($"c{i}", 1, 60 + i, Contact($"sip:alice@host{i}"));
        }
        Assert.Empty(h.Store.RemoveExpired(Start.AddSeconds(1)));

        var expired = h.Store.RemoveExpired(Start.AddDays(2));

        Assert.Equal(50, expired.Count);
        Assert.Equal(0, h.Store.Count);
    }

    [Fact]
    public void Sweeps_second_by_second_take_only_the_due_buckets()
    {
        var h = new RegistrarHarness();
        for (var i = 0; i < 10; i++)
        {
            h.Register($"c{i}", 1, 60 + i, Contact($"sip:alice@host{i}"));
        }

        var counts = Enumerable.Range(58, 14).Select(s => h.Store.RemoveExpired(Start.AddSeconds(s)).Count).ToArray();

        Assert.Equal([0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0], counts);
    }

    [Fact]
    public void Re_registering_an_expired_unswept_contact_counts_as_new()
    {
        var h = new RegistrarHarness();
        h.Register("c1", 1, 60, Contact("sip:alice@a"));
        h.Time.Advance(TimeSpan.FromSeconds(70));

        var result = h.Register("c1", 2, 60, Contact("sip:alice@a"));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(2, h.Events.OfType<ContactRegistered>().Count);
        Assert.Equal(1, h.Store.Count);
    }
}
