namespace Switchboard.Registrar;

/// <summary>SQLite write-behind settings. Loss window on a crash: at most one BatchInterval of changes
/// (plus whatever is still queued); a clean DisposeAsync flushes everything.</summary>
public sealed class LocationPersistenceOptions
{
    /// <summary>Null or empty: bindings live in memory only.</summary>
    public string? DatabasePath { get; set; }

    public TimeSpan BatchInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Queued writes before registrations wait for the writer (back-pressure, not loss).</summary>
    public int QueueCapacity { get; set; } = 65_536;

    public int MaxBatchSize { get; set; } = 8_192;
}
