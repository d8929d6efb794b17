using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Switchboard.Router.Storage;

/// <summary>
/// The router's SQLite file (<c>DataDirectory/FileName</c>): creates the folder and schema, switches to WAL,
/// and hands out pooled connections (a SqliteConnection is not thread-safe, so one per operation).
/// </summary>
public sealed class SqliteRouterDatabase
{
    private readonly string _connectionString;

    public SqliteRouterDatabase(IOptions<RouterStorageOptions> options)
    {
        Options = options.Value;
        var directory = Path.GetFullPath(options.Value.DataDirectory);
        Directory.CreateDirectory(directory);
        FilePath = Path.Combine(directory, options.Value.FileName);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = RouterSchema.Sql;
        command.ExecuteNonQuery();
    }

    public string FilePath { get; }

    internal RouterStorageOptions Options { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    internal int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    internal List<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(map(reader));
        return rows;
    }

    internal T? QueryFirst<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters)
        where T : class
    {
        var rows = Query(sql, map, parameters);
        return rows.Count > 0 ? rows[0] : null;
    }

    internal static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
