namespace Switchboard.Router.Storage;

/// <summary>The router database schema; every statement is idempotent so it runs on each open.</summary>
internal static class RouterSchema
{
    public const string Sql = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS domains (
            name TEXT NOT NULL PRIMARY KEY
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS accounts (
            domain TEXT NOT NULL,
            user TEXT NOT NULL,
            ha1_md5 TEXT NOT NULL,
            ha1_sha256 TEXT NOT NULL,
            nt_hash TEXT NULL,
            PRIMARY KEY (domain, user)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS aliases (
            domain TEXT NOT NULL,
            name TEXT NOT NULL,
            account TEXT NOT NULL,
            PRIMARY KEY (domain, name)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS forwarders (
            domain TEXT NOT NULL,
            name TEXT NOT NULL,
            target TEXT NOT NULL,
            PRIMARY KEY (domain, name)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS router_table (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            text TEXT NOT NULL
        );
        """;
}
