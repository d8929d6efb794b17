using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Switchboard.Registrar.Location.Sqlite;

/// <summary>Write-behind persistence of the location table: commits are queued on a bounded channel and a
/// single writer applies them every <see cref="LocationPersistenceOptions.BatchInterval"/> in one
/// transaction (WAL mode). Loss window on a crash: the changes of the batch interval in progress plus
/// anything still queued. <see cref="DisposeAsync"/> writes everything queued before it returns.</summary>
public sealed class SqliteBindingJournal : IBindingJournal, IAsyncDisposable
{
    private readonly Channel<JournalEntry> _queue;
    private readonly SqliteConnection _connection; // used by the writer task only, once started
    private readonly LocationPersistenceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private UpsertStatement? _upsert; // the writer task's, prepared on its first batch
    private Task _writer = Task.CompletedTask;
    private long _written;
    private int _disposed;

    private SqliteBindingJournal(SqliteConnection connection, LocationPersistenceOptions options, TimeProvider time, ILogger logger)
    {
        _connection = connection;
        _options = options;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<JournalEntry>(new BoundedChannelOptions(Math.Max(1, options.QueueCapacity))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Rows written so far (for tests and metrics).</summary>
    public long WrittenCount => Interlocked.Read(ref _written);

    public static SqliteBindingJournal Open(LocationPersistenceOptions options, TimeProvider time, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(options.DatabasePath);
        var builder = new SqliteConnectionStringBuilder { DataSource = options.DatabasePath, Pooling = false };
        var connection = new SqliteConnection(builder.ConnectionString);
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        Execute(connection, BindingTable.Create);
        return new SqliteBindingJournal(connection, options, time, logger ?? NullLogger.Instance);
    }

    /// <summary>Drops expired rows and returns the live ones. Call before <see cref="Start"/>.</summary>
    public IReadOnlyList<Binding> LoadLive(DateTimeOffset now)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        using (var delete = new SqliteCommand(BindingTable.DeleteExpired, _connection))
        {
            delete.Parameters.AddWithValue("$now", nowMs);
            delete.ExecuteNonQuery();
        }
        using var select = new SqliteCommand(BindingTable.SelectLive, _connection);
        select.Parameters.AddWithValue("$now", nowMs);
        using var reader = select.ExecuteReader();
        var bindings = new List<Binding>();
        while (reader.Read())
        {
            bindings.Add(BindingTable.Read(reader));
        }
        return bindings;
    }

    public void Start() => _writer = Task.Run(RunAsync);

    public void Upsert(Binding binding) => Enqueue(new JournalEntry(binding.Aor, binding.ContactUri, binding));

    public void Delete(string aor, string contactUri) => Enqueue(new JournalEntry(aor, contactUri, null));

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _writer.ConfigureAwait(false);
        _upsert?.Dispose();
        await _connection.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void Enqueue(JournalEntry entry)
    {
        if (_queue.Writer.TryWrite(entry))
        {
            return;
        }
        try
        {
            // Full queue: the registering thread waits for the writer (back-pressure rather than loss).
            _queue.Writer.WriteAsync(entry).AsTask().GetAwaiter().GetResult();
        }
        catch (ChannelClosedException)
        {
            _logger.LogWarning("Location change for {Aor} after the journal was closed; not persisted", entry.Aor);
        }
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<JournalEntry>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            await WaitForBatchAsync().ConfigureAwait(false);
            while (TakeBatch(reader, batch))
            {
                WriteBatch(batch);
                batch.Clear();
            }
        }
    }

    private async Task WaitForBatchAsync()
    {
        try
        {
            await Task.Delay(_options.BatchInterval, _time, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: write what is queued right away.
        }
    }

    private bool TakeBatch(ChannelReader<JournalEntry> reader, List<JournalEntry> batch)
    {
        var max = Math.Max(1, _options.MaxBatchSize);
        while (batch.Count < max && reader.TryRead(out var entry))
        {
            batch.Add(entry);
        }
        return batch.Count > 0;
    }

    private void WriteBatch(List<JournalEntry> batch)
    {
        try
        {
            using var transaction = _connection.BeginTransaction();
            var upsert = _upsert ??= new UpsertStatement(_connection);
            using var delete = new SqliteCommand(BindingTable.Delete, _connection, transaction);
            var aor = delete.Parameters.Add(new SqliteParameter { ParameterName = "$aor" });
            var contact = delete.Parameters.Add(new SqliteParameter { ParameterName = "$contact" });
            foreach (var entry in batch)
            {
                if (entry.Binding is { } binding)
                {
                    upsert.Execute(binding);
                }
                else
                {
                    aor.Value = entry.Aor;
                    contact.Value = entry.ContactUri;
                    delete.ExecuteNonQuery();
                }
            }
            transaction.Commit();
            Interlocked.Add(ref _written, batch.Count);
        }
        catch (SqliteException ex)
        {
            // The in-memory table stays authoritative; a failed batch is lost for the next restart only.
            _logger.LogError(ex, "Writing {Count} location changes to SQLite failed", batch.Count);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = new SqliteCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
