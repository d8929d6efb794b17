using Microsoft.Extensions.Logging;
using Switchboard.Registrar.Location.Sqlite;

namespace Switchboard.Registrar.Location;

/// <summary>Builds the location store: in memory, backed by SQLite when a database path is set.</summary>
public static class LocationStoreFactory
{
    /// <summary>Opens the store, reloading unexpired bindings from SQLite. Dispose it to flush.</summary>
    public static InMemoryLocationStore Open(LocationPersistenceOptions options, TimeProvider time, ILogger? logger = null)
    {
        if (string.IsNullOrEmpty(options.DatabasePath))
        {
            return new InMemoryLocationStore(time);
        }
        var journal = SqliteBindingJournal.Open(options, time, logger);
        var store = new InMemoryLocationStore(time, journal, ownsJournal: true);
        store.Restore(journal.LoadLive(time.GetUtcNow()));
        journal.Start();
        return store;
    }
}
