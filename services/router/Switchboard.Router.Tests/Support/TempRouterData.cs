using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Switchboard.Router.Changes;
using Switchboard.Router.Resolution;
using Switchboard.Router.Storage;

namespace Switchboard.Router.Tests.Support;

/// <summary>Real SQLite stores in a fresh temporary folder, deleted on dispose.</summary>
public sealed class TempRouterData : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public TempRouterData(string? directory = null, bool storeNtHash = false)
    {
        Directory = directory ?? Path.Combine(Path.GetTempPath(), "switchboard-router-" + Guid.NewGuid().ToString("N"));
        OwnsDirectory = directory is null;
        Changes = new RoutingChanges();
        Database = new SqliteRouterDatabase(Options.Create(new RouterStorageOptions { DataDirectory = Directory, StoreNtHash = storeNtHash }));
        Domains = Own(new SqliteDomainStore(Database, Changes));
        Accounts = new SqliteAccountStore(Database, Domains, Changes);
        Routing = Own(new SqliteRoutingStore(Database, Domains, Changes));
    }

    public string Directory { get; }

    public bool OwnsDirectory { get; }

    public RoutingChanges Changes { get; }

    public SqliteRouterDatabase Database { get; }

    public SqliteDomainStore Domains { get; }

    public SqliteAccountStore Accounts { get; }

    public SqliteRoutingStore Routing { get; }

    public AddressResolver Resolver(ResolverOptions? options = null) =>
        new(Domains, Accounts, Routing, Options.Create(options ?? new ResolverOptions()));

    public void Dispose()
    {
        foreach (var owned in _owned)
            owned.Dispose();
        SqliteConnection.ClearAllPools();
        if (OwnsDirectory && System.IO.Directory.Exists(Directory))
            System.IO.Directory.Delete(Directory, recursive: true);
    }

    private T Own<T>(T disposable) where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
