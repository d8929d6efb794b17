using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Switchboard.AdminGateway.Settings;

/// <summary>Settings in SQLite: one row per (component, key), last write wins.</summary>
public sealed class SettingsStore
{
    private readonly string _connectionString;

    public SettingsStore(IOptions<SettingsStoreOptions> options)
    {
        var path = options.Value.DatabasePath
            ?? throw new ArgumentException("AdminGateway:Settings:DatabasePath is not set", nameof(options));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS settings (
                component TEXT NOT NULL COLLATE NOCASE,
                key       TEXT NOT NULL COLLATE NOCASE,
                value     TEXT NOT NULL,
                updated   TEXT NOT NULL,
                PRIMARY KEY (component, key));
            """);
    }

    public IReadOnlyList<Setting> List(string? component = null)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT component, key, value, updated FROM settings WHERE $c IS NULL OR component = $c ORDER BY component, key";
        command.Parameters.AddWithValue("$c", (object?)component ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var settings = new List<Setting>();
        while (reader.Read())
        {
            settings.Add(new Setting(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture)));
        }

        return settings;
    }

    public Setting Put(string component, string key, string value, DateTimeOffset updated)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO settings (component, key, value, updated) VALUES ($c, $k, $v, $u)
            ON CONFLICT (component, key) DO UPDATE SET value = excluded.value, updated = excluded.updated
            """;
        command.Parameters.AddWithValue("$c", component);
        command.Parameters.AddWithValue("$k", key);
        command.Parameters.AddWithValue("$v", value);
        command.Parameters.AddWithValue("$u", updated.ToString("O", CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
        return new Setting(component, key, value, updated);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
