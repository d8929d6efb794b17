using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Registrar.Location;
using Switchboard.Registrar.Location.Sqlite;
using Switchboard.Registrar.Registration;
using static Switchboard.Registrar.Tests.RegistrarHarness;

namespace Switchboard.Registrar.Tests;

public sealed class SqlitePersistenceTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "switchboard-registrar-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(Start);

    public SqlitePersistenceTests() => Directory.CreateDirectory(_directory);

    private LocationPersistenceOptions Persistence => new() { DatabasePath = Path.Combine(_directory, "location.db") };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private InMemoryLocationStore OpenStore() => LocationStoreFactory.Open(Persistence, _time);

    private RegistrationService RegistrarOver(ILocationStore store) =>
        new(store, Options.Create(new RegistrarOptions()), _time);

    [Fact]
    public async Task Bindings_survive_a_clean_restart_field_for_field()
    {
        var request = Request("call-1", 7, 600,
            new RegisterContact("sip:alice@192.0.2.1;transport=tcp", Q: "0.7", InstanceId: "\"<urn:uuid:1>\"", RegId: 2,
                OtherParams: [new("audio", null), new("x", "\"y;z\"")]),
            Contact("sip:alice@host?Route=%3Csip:sip.example.com%3E")) with { Path = ["<sip:e2;lr>", "<sip:e1;lr>"] };
        IReadOnlyList<Binding> before;
        await using (var store = OpenStore())
        {
            Assert.Equal(200, RegistrarOver(store).Register(request).StatusCode);
            before = store.Lookup(Aor);
        }

        await using var reopened = OpenStore();
        var after = reopened.Lookup(Aor);

        Assert.Equal(before.Count, after.Count);
        for (var i = 0; i < before.Count; i++)
        {
            AssertSameBinding(before[i], after[i]);
        }
    }

    [Fact]
    public async Task Removals_are_persisted()
    {
        await using (var store = OpenStore())
        {
            var registrar = RegistrarOver(store);
            registrar.Register(Request("c", 1, 600, Contact("sip:alice@a"), Contact("sip:alice@b")));
            registrar.Register(Request("c", 2, 0, Contact("sip:alice@a")));
        }

        await using var reopened = OpenStore();

        Assert.Equal(["sip:alice@b"], reopened.Lookup(Aor).Select(b => b.ContactUri));
    }

    [Fact]
    public async Task Expired_bindings_are_not_reloaded()
    {
        await using (var store = OpenStore())
        {
            var registrar = RegistrarOver(store);
            registrar.Register(Request("c", 1, 60, Contact("sip:alice@short")));
            registrar.Register(Request("d", 1, 3600, Contact("sip:alice@long")));
        }
        _time.Advance(TimeSpan.FromSeconds(120));

        await using var reopened = OpenStore();

        Assert.Equal(["sip:alice@long"], reopened.Lookup(Aor).Select(b => b.ContactUri));
        Assert.Equal(1, reopened.Count);
        Assert.Equal(1, CountRows());
    }

    [Fact]
    public async Task Changes_are_written_after_one_batch_interval_without_a_shutdown()
    {
        var journal = SqliteBindingJournal.Open(Persistence, _time);
        await using var _ = journal;
        journal.Start();
        var store = new InMemoryLocationStore(_time, journal);
        RegistrarOver(store).Register(Request("c", 1, 600, Contact("sip:alice@a"), Contact("sip:alice@b")));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (journal.WrittenCount < 2 && DateTime.UtcNow < deadline)
        {
            _time.Advance(TimeSpan.FromMilliseconds(200));
            await Task.Delay(10);
        }

        Assert.Equal(2, journal.WrittenCount);
        Assert.Equal(2, CountRows());
    }

    private long CountRows()
    {
        using var connection = new SqliteConnection($"Data Source={Persistence.DatabasePath};Pooling=False");
        connection.Open();
        using var command = new SqliteCommand("SELECT COUNT(*) FROM bindings", connection);
        return (long)command.ExecuteScalar()!;
    }

    private static void AssertSameBinding(Binding expected, Binding actual)
    {
        Assert.Equal(expected.Aor, actual.Aor);
        Assert.Equal(expected.ContactUri, actual.ContactUri);
        Assert.Equal(expected.Q, actual.Q);
        Assert.Equal(expected.ExpiresAt, actual.ExpiresAt);
        Assert.Equal(expected.CallId, actual.CallId);
        Assert.Equal(expected.CSeq, actual.CSeq);
        Assert.Equal(expected.InstanceId, actual.InstanceId);
        Assert.Equal(expected.RegId, actual.RegId);
        Assert.Equal(expected.Path, actual.Path);
        Assert.Equal(expected.Flow, actual.Flow);
        Assert.Equal(expected.OtherParams, actual.OtherParams);
        Assert.Equal(expected.RegisteredAt, actual.RegisteredAt);
        Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
    }
}
