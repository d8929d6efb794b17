namespace Switchboard.GatewayRegistrar.Storage;

/// <summary>
/// Leases as rows of gateways.db. One UPSERT statement takes or renews a lease atomically (SQLite serialises writers
/// on the file lock), so two processes that share the file can never both hold it. This works for instances on one
/// host or one shared volume with working POSIX locks (not NFS). Instances on several hosts need a shared lock
/// service instead: a PostgreSQL row with <c>SELECT … FOR UPDATE</c> or an advisory lock, a Redis key with
/// <c>SET NX PX</c> plus a fencing token, or an etcd/Consul session — same interface, same expiry rule.
/// Expiry compares wall-clock times, so the instances' clocks must agree to well under the lease duration.
/// </summary>
public sealed class SqliteGatewayLeases(SqliteGatewayDatabase database) : IGatewayLeases
{
    public bool TryAcquire(string gateway, string owner, DateTimeOffset now, DateTimeOffset until)
    {
        var changed = database.Execute(
            """
            INSERT INTO gateway_leases (gateway, owner, expires_ms) VALUES ($gateway, $owner, $until)
            ON CONFLICT (gateway) DO UPDATE SET owner = excluded.owner, expires_ms = excluded.expires_ms
            WHERE gateway_leases.owner = excluded.owner OR gateway_leases.expires_ms <= $now
            """,
            ("$gateway", gateway), ("$owner", owner), ("$until", until.ToUnixTimeMilliseconds()), ("$now", now.ToUnixTimeMilliseconds()));
        return changed == 1;
    }

    public void Release(string gateway, string owner) =>
        database.Execute("DELETE FROM gateway_leases WHERE gateway = $gateway AND owner = $owner", ("$gateway", gateway), ("$owner", owner));

    public (string Owner, DateTimeOffset Expires)? Get(string gateway)
    {
        var rows = database.Query(
            "SELECT owner, expires_ms FROM gateway_leases WHERE gateway = $gateway",
            r => (r.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1))),
            ("$gateway", gateway));
        return rows.Count > 0 ? rows[0] : null;
    }
}
