using Switchboard.Router.Accounts;
using Switchboard.Router.Changes;
using Switchboard.Router.Routing;

namespace Switchboard.Router.Storage;

/// <summary>
/// Aliases, forwarders and the Router table in SQLite. The parsed table is kept in memory (every
/// resolution reads it) and reloaded after a <see cref="RoutingChangeKind.RouterTable"/> change.
/// </summary>
public sealed class SqliteRoutingStore : IRoutingStore, IDisposable
{
    private readonly SqliteRouterDatabase _database;
    private readonly IDomainStore _domains;
    private readonly IRoutingChanges _changes;
    private volatile RouterTable _table;

    public SqliteRoutingStore(SqliteRouterDatabase database, IDomainStore domains, IRoutingChanges changes)
    {
        _database = database;
        _domains = domains;
        _changes = changes;
        _table = LoadTable();
        _changes.Changed += OnChanged;
    }

    public Alias? FindAlias(string name, string domain) =>
        _database.QueryFirst("SELECT name, domain, account FROM aliases WHERE domain = $domain AND name = $name",
            r => new Alias(r.GetString(0), r.GetString(1), r.GetString(2)),
            ("$domain", AccountNames.NormalizeDomain(domain)), ("$name", name));

    public IReadOnlyList<Alias> ListAliases(string domain) =>
        _database.Query("SELECT name, domain, account FROM aliases WHERE domain = $domain ORDER BY name",
            r => new Alias(r.GetString(0), r.GetString(1), r.GetString(2)), ("$domain", AccountNames.NormalizeDomain(domain)));

    public AdminOutcome AddAlias(Alias alias)
    {
        var domain = AccountNames.NormalizeDomain(alias.Domain);
        if (!AccountNames.IsValidUser(alias.Name) || !AccountNames.IsValidUser(alias.Account))
            return AdminOutcome.Invalid;
        if (!_domains.IsLocal(domain))
            return AdminOutcome.UnknownDomain;
        var accountExists = _database.Query("SELECT EXISTS (SELECT 1 FROM accounts WHERE domain = $domain AND user = $user)",
            r => r.GetBoolean(0), ("$domain", domain), ("$user", alias.Account))[0];
        if (!accountExists)
            return AdminOutcome.NotFound;
        if (RoutingNames.IsTaken(_database, alias.Name, domain))
            return AdminOutcome.AlreadyExists;
        _database.Execute("INSERT INTO aliases (domain, name, account) VALUES ($domain, $name, $account)",
            ("$domain", domain), ("$name", alias.Name), ("$account", alias.Account));
        Publish(RoutingChangeKind.Aliases, domain);
        return AdminOutcome.Done;
    }

    public AdminOutcome RemoveAlias(string name, string domain) =>
        Remove("aliases", RoutingChangeKind.Aliases, name, domain);

    public Forwarder? FindForwarder(string name, string domain) =>
        _database.QueryFirst("SELECT name, domain, target FROM forwarders WHERE domain = $domain AND name = $name",
            r => new Forwarder(r.GetString(0), r.GetString(1), r.GetString(2)),
            ("$domain", AccountNames.NormalizeDomain(domain)), ("$name", name));

    public IReadOnlyList<Forwarder> ListForwarders(string domain) =>
        _database.Query("SELECT name, domain, target FROM forwarders WHERE domain = $domain ORDER BY name",
            r => new Forwarder(r.GetString(0), r.GetString(1), r.GetString(2)), ("$domain", AccountNames.NormalizeDomain(domain)));

    public AdminOutcome SetForwarder(Forwarder forwarder)
    {
        var domain = AccountNames.NormalizeDomain(forwarder.Domain);
        var target = forwarder.Target.Trim();
        if (!AccountNames.IsValidUser(forwarder.Name) || !Addressing.SipAddress.TryParse(target, out _) || target.Contains('*'))
            return AdminOutcome.Invalid;
        if (!_domains.IsLocal(domain))
            return AdminOutcome.UnknownDomain;
        if (FindForwarder(forwarder.Name, domain) is null && RoutingNames.IsTaken(_database, forwarder.Name, domain))
            return AdminOutcome.AlreadyExists;
        _database.Execute("""
            INSERT INTO forwarders (domain, name, target) VALUES ($domain, $name, $target)
            ON CONFLICT (domain, name) DO UPDATE SET target = excluded.target
            """, ("$domain", domain), ("$name", forwarder.Name), ("$target", target));
        Publish(RoutingChangeKind.Forwarders, domain);
        return AdminOutcome.Done;
    }

    public AdminOutcome RemoveForwarder(string name, string domain) =>
        Remove("forwarders", RoutingChangeKind.Forwarders, name, domain);

    public RouterTable GetRouterTable() => _table;

    public RouterTableParseResult SetRouterTable(string text)
    {
        var result = RouterTableParser.Parse(text);
        if (!result.Succeeded)
            return result;
        _database.Execute("INSERT INTO router_table (id, text) VALUES (1, $text) ON CONFLICT (id) DO UPDATE SET text = excluded.text",
            ("$text", text));
        Publish(RoutingChangeKind.RouterTable, null);
        return result;
    }

    public void Dispose() => _changes.Changed -= OnChanged;

    private AdminOutcome Remove(string table, RoutingChangeKind kind, string name, string domain)
    {
        var normalized = AccountNames.NormalizeDomain(domain);
        if (_database.Execute($"DELETE FROM {table} WHERE domain = $domain AND name = $name", ("$domain", normalized), ("$name", name)) == 0)
            return AdminOutcome.NotFound;
        Publish(kind, normalized);
        return AdminOutcome.Done;
    }

    private void Publish(RoutingChangeKind kind, string? domain) => _changes.Publish(new RoutingChanged(kind, domain));

    private void OnChanged(RoutingChanged change)
    {
        if (change.Kind == RoutingChangeKind.RouterTable)
            _table = LoadTable();
    }

    private RouterTable LoadTable()
    {
        var text = _database.QueryFirst("SELECT text FROM router_table WHERE id = 1", r => r.GetString(0));
        // Stored text was valid when written; a table that no longer parses is treated as empty.
        return text is null ? RouterTable.Empty : RouterTableParser.Parse(text).Table ?? RouterTable.Empty;
    }
}
