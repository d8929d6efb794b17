using Microsoft.Extensions.Time.Testing;
using Switchboard.Registrar.Location;
using Xunit.Abstractions;
using static Switchboard.Registrar.Tests.RegistrarHarness;

namespace Switchboard.Registrar.Tests;

/// <summary>Runs alone: GC.GetTotalMemory sees the whole process, so parallel tests would skew it.</summary>
[CollectionDefinition(nameof(MemoryPerBindingTests), DisableParallelization = true)]
public sealed class MemoryMeasurementCollection;

[Collection(nameof(MemoryPerBindingTests))]
public sealed class MemoryPerBindingTests(ITestOutputHelper output)
{
    [Fact]
    public void Hundred_thousand_bindings_stay_under_two_kilobytes_each()
    {
        const int count = 100_000;
        var time = new FakeTimeProvider(Start);
        var store = new InMemoryLocationStore(time);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        for (var i = 0; i < count; i++)
        {
            var aor = $"sip:user{i}@example.com";
            var binding = new Binding(
                aor, $"sip:user{i}@198.51.{i / 250 % 256}.{i % 250}:5060;transport=udp", QValue.Unspecified,
                Start.AddSeconds(600 + (i % 3600)), $"{Guid.NewGuid():N}@10.0.0.1", 1, null, null, [],
                new Flow("edge-1", "UDP", "10.0.0.1", 5060, $"198.51.{i / 250 % 256}.{i % 250}", 5060 + (i % 1000)),
                [], Start, Start);
            store.Update(aor, binding, static (b, _) => new BindingUpdate<bool>([b], true));
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        var perBinding = (after - before) / (double)count;
        output.WriteLine($"{perBinding:F0} bytes per binding ({count} bindings, one per AOR, strings included)");
        Assert.Equal(count, store.Count);
        Assert.InRange(perBinding, 100, 2048);
        GC.KeepAlive(store);
    }
}
