using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Switchboard.Registrar.Location.Sqlite;

/// <summary>
/// The binding upsert as one SQLite statement, prepared once and bound by position. A Microsoft.Data.Sqlite command
/// binds each of the 21 parameters by name on every execution (a UTF-8 copy of the name and a linear search of the
/// statement's names each) and boxes every value: at thousands of REGISTERs a second that was most of the journal's
/// CPU. Used by the journal's single writer only, inside its transaction.
/// </summary>
internal sealed class UpsertStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public UpsertStatement(SqliteConnection connection)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The journal's connection is not open");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, BindingTable.Upsert, out _statement), _db);
    }

    public void Execute(Binding binding)
    {
        try
        {
            BindingTable.BindUpsert(_statement, binding);
            var rc = raw.sqlite3_step(_statement);
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }
        }
        finally
        {
            raw.sqlite3_reset(_statement);
            raw.sqlite3_clear_bindings(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();
}
