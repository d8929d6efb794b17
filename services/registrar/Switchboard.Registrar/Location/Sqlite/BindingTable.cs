using System.Text.Json;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Switchboard.Registrar.Location.Sqlite;

/// <summary>The SQLite schema of the location table and the mapping of a <see cref="Binding"/> to a row.
/// Times are Unix milliseconds; Path and unknown params are JSON arrays.</summary>
internal static class BindingTable
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS bindings (
            aor TEXT NOT NULL, contact TEXT NOT NULL, q INTEGER NOT NULL, expires_at INTEGER NOT NULL,
            call_id TEXT NOT NULL, cseq INTEGER NOT NULL, instance TEXT, reg_id INTEGER,
            path TEXT NOT NULL, params TEXT NOT NULL,
            edge TEXT NOT NULL, transport TEXT NOT NULL, local_addr TEXT NOT NULL, local_port INTEGER NOT NULL,
            remote_addr TEXT NOT NULL, remote_port INTEGER NOT NULL, connection_id TEXT, received TEXT, rport INTEGER,
            registered_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
            PRIMARY KEY (aor, contact)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS bindings_expires_at ON bindings (expires_at);
        """;

    public const string Upsert = """
        INSERT OR REPLACE INTO bindings VALUES ($aor, $contact, $q, $expires_at, $call_id, $cseq, $instance,
            $reg_id, $path, $params, $edge, $transport, $local_addr, $local_port, $remote_addr, $remote_port,
            $connection_id, $received, $rport, $registered_at, $updated_at)
        """;

    public const string Delete = "DELETE FROM bindings WHERE aor = $aor AND contact = $contact";

    public const string SelectLive = "SELECT * FROM bindings WHERE expires_at > $now";

    public const string DeleteExpired = "DELETE FROM bindings WHERE expires_at <= $now";

    /// <summary>Binds <paramref name="b"/> to the <see cref="Upsert"/> statement, in its VALUES order (1-based).</summary>
    public static void BindUpsert(sqlite3_stmt statement, Binding b)
    {
        Text(statement, 1, b.Aor);
        Text(statement, 2, b.ContactUri);
        raw.sqlite3_bind_int(statement, 3, b.Q.IsSpecified ? b.Q.Thousandths : -1);
        raw.sqlite3_bind_int64(statement, 4, b.ExpiresAt.ToUnixTimeMilliseconds());
        Text(statement, 5, b.CallId);
        raw.sqlite3_bind_int64(statement, 6, b.CSeq);
        Text(statement, 7, b.InstanceId);
        Integer(statement, 8, b.RegId);
        Text(statement, 9, ToJson(b.Path));
        Text(statement, 10, ToJson(b.OtherParams));
        Text(statement, 11, b.Flow.EdgeInstanceId);
        Text(statement, 12, b.Flow.Transport);
        Text(statement, 13, b.Flow.LocalAddress);
        raw.sqlite3_bind_int(statement, 14, b.Flow.LocalPort);
        Text(statement, 15, b.Flow.RemoteAddress);
        raw.sqlite3_bind_int(statement, 16, b.Flow.RemotePort);
        Text(statement, 17, b.Flow.ConnectionId);
        Text(statement, 18, b.Flow.Received);
        Integer(statement, 19, b.Flow.RPort);
        raw.sqlite3_bind_int64(statement, 20, b.RegisteredAt.ToUnixTimeMilliseconds());
        raw.sqlite3_bind_int64(statement, 21, b.UpdatedAt.ToUnixTimeMilliseconds());
    }

    public static Binding Read(SqliteDataReader r)
    {
        var q = r.GetInt32(2);
        var flow = new Flow(
            r.GetString(10), r.GetString(11), r.GetString(12), r.GetInt32(13), r.GetString(14), r.GetInt32(15),
            NullableString(r, 16), NullableString(r, 17), r.IsDBNull(18) ? null : r.GetInt32(18));
        return new Binding(
            Aor: r.GetString(0),
            ContactUri: r.GetString(1),
            Q: q < 0 ? QValue.Unspecified : new QValue(q, true),
            ExpiresAt: DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)),
            CallId: r.GetString(4),
            CSeq: r.GetInt64(5),
            InstanceId: NullableString(r, 6),
            RegId: r.IsDBNull(7) ? null : r.GetInt64(7),
            Path: JsonSerializer.Deserialize<string[]>(r.GetString(8)) ?? [],
            Flow: flow,
            OtherParams: JsonSerializer.Deserialize<KeyValuePair<string, string?>[]>(r.GetString(9)) ?? [],
            RegisteredAt: DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(19)),
            UpdatedAt: DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(20)));
    }

    // Most bindings have no Path and no unknown params: skip the serializer for them.
    private static string ToJson<T>(IReadOnlyList<T> values) => values.Count == 0 ? "[]" : JsonSerializer.Serialize(values);

    private static void Text(sqlite3_stmt statement, int index, string? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(statement, index);
        }
        else
        {
            raw.sqlite3_bind_text(statement, index, value);
        }
    }

    private static void Integer(sqlite3_stmt statement, int index, long? value)
    {
        if (value is { } number)
        {
            raw.sqlite3_bind_int64(statement, index, number);
        }
        else
        {
            raw.sqlite3_bind_null(statement, index);
        }
    }

    private static string? NullableString(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
