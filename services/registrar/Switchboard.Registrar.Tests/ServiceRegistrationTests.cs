using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Registrar.Events;
using Switchboard.Registrar.Location;
using Switchboard.Registrar.Registration;
using static Switchboard.Registrar.Tests.RegistrarHarness;

namespace Switchboard.Registrar.Tests;

public sealed class ServiceRegistrationTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "switchboard-registrar-di-" + Guid.NewGuid().ToString("N"));

    public ServiceRegistrationTests() => Directory.CreateDirectory(_directory);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private ServiceProvider Build(FakeTimeProvider time, IRegistrarEvents events)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(events);
        services.AddSwitchboardRegistrar(o => o.Persistence.DatabasePath = Path.Combine(_directory, "location.db"));
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Host_wiring_registers_expires_and_flushes_on_stop()
    {
        var time = new FakeTimeProvider(Start);
        var events = new RecordingRegistrarEvents();
        await using (var provider = Build(time, events))
        {
            var lifetime = provider.GetServices<IHostedService>().Single();
            await lifetime.StartAsync(CancellationToken.None);
            var registrar = provider.GetRequiredService<IRegistrar>();
            registrar.Register(Request("c1", 1, 60, Contact("sip:alice@short")));
            registrar.Register(Request("c2", 1, 3600, Contact("sip:alice@long")));

            time.Advance(TimeSpan.FromSeconds(61));

            Assert.Single(events.OfType<ContactExpired>());
            Assert.Equal(["sip:alice@long"], provider.GetRequiredService<ILocationService>().Lookup(Aor).Select(b => b.ContactUri));
            await lifetime.StopAsync(CancellationToken.None);
        }

        await using var reopened = Build(time, new RecordingRegistrarEvents());
        Assert.Equal(["sip:alice@long"], reopened.GetRequiredService<ILocationService>().Lookup(Aor).Select(b => b.ContactUri));
    }

    [Fact]
    public void A_throwing_event_sink_does_not_fail_a_committed_registration()
    {
        var time = new FakeTimeProvider(Start);
        var store = new InMemoryLocationStore(time);
        var registrar = new RegistrationService(store, Microsoft.Extensions.Options.Options.Create(new RegistrarOptions()), time, new ThrowingEvents());

        var result = registrar.Register(Request("c1", 1, 600, Contact("sip:alice@a")));

        Assert.Equal(200, result.StatusCode);
        Assert.Single(store.Lookup(Aor));
    }

    private sealed class ThrowingEvents : IRegistrarEvents
    {
        public void Publish(RegistrarEvent registrarEvent) => throw new InvalidOperationException("bus down");
    }
}
