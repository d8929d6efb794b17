namespace Switchboard.GatewayRegistrar.Storage;

/// <summary>Tables of gateways.db: the settings, and one lease row per gateway whose registration loop runs somewhere.</summary>
internal static class GatewaySchema
{
    public const string Sql = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS gateways (
            name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
            domain TEXT NOT NULL,
            username TEXT NOT NULL,
            password TEXT NOT NULL,
            contact TEXT NULL,
            register_every INTEGER NOT NULL,
            enabled INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS gateway_leases (
            gateway TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
            owner TEXT NOT NULL,
            expires_ms INTEGER NOT NULL
        );
        """;
}
