namespace Switchboard.Router.Storage;

/// <summary>A name in a domain is an account, an alias or a forwarder — never two of them.</summary>
internal static class RoutingNames
{
    private const string Sql = """
        SELECT EXISTS (SELECT 1 FROM accounts WHERE domain = $domain AND user = $name)
            OR EXISTS (SELECT 1 FROM aliases WHERE domain = $domain AND name = $name)
            OR EXISTS (SELECT 1 FROM forwarders WHERE domain = $domain AND name = $name)
        """;

    public static bool IsTaken(SqliteRouterDatabase database, string name, string domain) =>
        database.Query(Sql, r => r.GetBoolean(0), ("$domain", domain), ("$name", name))[0];
}
