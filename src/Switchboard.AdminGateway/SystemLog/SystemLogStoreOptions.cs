namespace Switchboard.AdminGateway.SystemLog;

/// <summary>
/// The combined System Log (<c>AdminGateway:SystemLog:*</c>): a file rotated by size (the current file plus
/// <see cref="MaxFiles"/> older ones: system.log, system.1.log … system.N.log) and a ring of the last records.
/// </summary>
public sealed class SystemLogStoreOptions
{
    public const string SectionName = "AdminGateway:SystemLog";

    /// <summary>Defaults to <c>{Storage:DataDirectory}/log</c>.</summary>
    public string? Directory { get; set; }

    public string FileName { get; set; } = "system.log";

    /// <summary>A file is rotated before a record would take it past this size.</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Rotated files kept besides the current one; older ones are deleted.</summary>
    public int MaxFiles { get; set; } = 5;

    /// <summary>Records kept in memory for <c>GET /api/log</c>.</summary>
    public int RingCapacity { get; set; } = 10_000;
}
