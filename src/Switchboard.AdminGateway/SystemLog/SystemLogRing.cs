using Microsoft.Extensions.Options;
using Switchboard.Contracts.Events;
using Switchboard.Contracts.Logging;

namespace Switchboard.AdminGateway.SystemLog;

/// <summary>The last <see cref="SystemLogStoreOptions.RingCapacity"/> records, newest overwriting oldest.</summary>
public sealed class SystemLogRing
{
    private readonly LogRecorded?[] _records; // guarded by _lock, as are _next and _count
    private readonly Lock _lock = new();
    private int _next;
    private int _count;

    public SystemLogRing(IOptions<SystemLogStoreOptions> options)
    {
        if (options.Value.RingCapacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Value.RingCapacity, "AdminGateway:SystemLog:RingCapacity must be at least 1");
        }

        _records = new LogRecorded?[options.Value.RingCapacity];
    }

    public int Capacity => _records.Length;

    public void Add(LogRecorded record)
    {
        lock (_lock)
        {
            _records[_next] = record;
            _next = (_next + 1) % _records.Length;
            _count = Math.Min(_count + 1, _records.Length);
        }
    }

    /// <summary>
    /// The newest <paramref name="last"/> records matching the filters, oldest first. <paramref name="level"/>
    /// keeps records at that level or a more severe one (Problems keeps Failure, Major and Problems).
    /// </summary>
    public IReadOnlyList<LogRecorded> Query(int last, string? tag = null, SystemLogLevel? level = null, string? service = null)
    {
        var found = new List<LogRecorded>(Math.Min(last, 256));
        lock (_lock)
        {
            for (var i = 1; i <= _count && found.Count < last; i++)
            {
                var record = _records[(_next - i + _records.Length) % _records.Length]!;
                if (Matches(record, tag, level, service))
                {
                    found.Add(record);
                }
            }
        }

        found.Reverse();
        return found;
    }

    private static bool Matches(LogRecorded record, string? tag, SystemLogLevel? level, string? service) =>
        (tag is null || string.Equals(record.Tag, tag, StringComparison.OrdinalIgnoreCase))
        && (level is null || record.Level <= level)
        && (service is null || string.Equals(record.Service, service, StringComparison.OrdinalIgnoreCase));
}
