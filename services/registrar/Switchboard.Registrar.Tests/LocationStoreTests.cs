using Microsoft.Extensions.Time.Testing;
using Switchboard.Registrar.Location;
using static Switchboard.Registrar.Tests.RegistrarHarness;

namespace Switchboard.Registrar.Tests;

public sealed class LocationStoreTests
{
    internal static Binding MakeBinding(string aor, string uri, DateTimeOffset now, int seconds, int q = -1) => new(
        aor, uri, q < 0 ? QValue.Unspecified : new QValue(q, true), now.AddSeconds(seconds), "call", 1, null, null,
        [], EdgeFlow, [], now, now);

    [Fact]
    public void Lookup_of_an_unknown_aor_is_empty()
    {
        var store = new InMemoryLocationStore(new FakeTimeProvider(Start));

        Assert.Empty(store.Lookup("sip:nobody@example.com"));
    }

    [Fact]
    public void Unchanged_update_of_an_empty_aor_leaves_no_record_behind()
    {
        var store = new InMemoryLocationStore(new FakeTimeProvider(Start));

        var seen = store.Update("sip:x@example.com", 0, static (_, current) => BindingUpdate<int>.Unchanged(current.Count));

        Assert.Equal(0, seen);
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task Concurrent_updates_on_many_aors_keep_an_exact_count()
    {
        var time = new FakeTimeProvider(Start);
        var store = new InMemoryLocationStore(time);
        const int aors = 200;
        const int perAor = 5;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < aors * perAor; i++)
            {
                var aor = $"sip:u{i % aors}@example.com";
                var uri = $"sip:u@host{i / aors}";
                store.Update(aor, uri, (u, current) =>
                {
                    var next = current.Where(b => b.ContactUri != u).Append(MakeBinding(aor, u, Start, 600)).ToList();
                    return new BindingUpdate<bool>(next, true);
                });
            }
        })));

        Assert.Equal(aors * perAor, store.Count);
        Assert.All(Enumerable.Range(0, aors), i => Assert.Equal(perAor, store.Lookup($"sip:u{i}@example.com").Count));
    }

    [Fact]
    public void Lookup_returns_q_descending()
    {
        var store = new InMemoryLocationStore(new FakeTimeProvider(Start));
        store.Update("sip:a@x", 0, static (_, _) => new BindingUpdate<int>(
            [MakeBinding("sip:a@x", "sip:1", Start, 60, 100), MakeBinding("sip:a@x", "sip:2", Start, 60, 900), MakeBinding("sip:a@x", "sip:3", Start, 60, 500)], 0));

        Assert.Equal(["sip:2", "sip:3", "sip:1"], store.Lookup("sip:a@x").Select(b => b.ContactUri));
    }
}
