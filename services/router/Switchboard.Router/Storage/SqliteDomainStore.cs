using System.Collections.Frozen;
using Switchboard.Router.Accounts;
using Switchboard.Router.Changes;

namespace Switchboard.Router.Storage;

/// <summary>
/// Local domains in SQLite. <see cref="IsLocal"/> is on the resolution path, so the set is kept in memory
/// and reloaded after a write here or a <see cref="RoutingChangeKind.Domains"/> change from elsewhere.
/// </summary>
public sealed class SqliteDomainStore : IDomainStore, IDisposable
{
    private readonly SqliteRouterDatabase _database;
    private readonly IRoutingChanges _changes;
    private volatile FrozenSet<string> _domains;

    public SqliteDomainStore(SqliteRouterDatabase database, IRoutingChanges changes)
    {
        _database = database;
        _changes = changes;
        _domains = Load();
        _changes.Changed += OnChanged;
    }

    public bool IsLocal(string domain) => _domains.Contains(domain);

    public IReadOnlyList<string> ListDomains() => [.. _domains.Order(StringComparer.Ordinal)];

    public AdminOutcome AddDomain(string domain)
    {
        var name = AccountNames.NormalizeDomain(domain);
        if (!AccountNames.IsValidDomain(name))
            return AdminOutcome.Invalid;
        if (_database.Execute("INSERT OR IGNORE INTO domains (name) VALUES ($name)", ("$name", name)) == 0)
            return AdminOutcome.AlreadyExists;
        _changes.Publish(new RoutingChanged(RoutingChangeKind.Domains, name));
        return AdminOutcome.Done;
    }

    public AdminOutcome RemoveDomain(string domain)
    {
        var name = AccountNames.NormalizeDomain(domain);
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var table in (string[])["accounts", "aliases", "forwarders"])
        {
            using var purge = SqliteRouterDatabase.Command(connection, $"DELETE FROM {table} WHERE domain = $name", ("$name", name));
            purge.ExecuteNonQuery();
        }
        using var delete = SqliteRouterDatabase.Command(connection, "DELETE FROM domains WHERE name = $name", ("$name", name));
        var removed = delete.ExecuteNonQuery();
        transaction.Commit();
        if (removed == 0)
            return AdminOutcome.NotFound;
        _changes.Publish(new RoutingChanged(RoutingChangeKind.Domains, name));
        return AdminOutcome.Done;
    }

    public void Dispose() => _changes.Changed -= OnChanged;

    private void OnChanged(RoutingChanged change)
    {
        if (change.Kind == RoutingChangeKind.Domains)
            _domains = Load();
    }

    private FrozenSet<string> Load() =>
        _database.Query("SELECT name FROM domains", r => r.GetString(0)).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
