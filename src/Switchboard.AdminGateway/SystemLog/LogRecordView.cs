using Switchboard.Contracts.Events;

namespace Switchboard.AdminGateway.SystemLog;

/// <summary>A record as <c>GET /api/log</c> returns it: the level by name.</summary>
public sealed record LogRecordView(DateTimeOffset Time, string Service, string Tag, string Level, string Text)
{
    public static LogRecordView From(LogRecorded record) =>
        new(record.Time, record.Service, record.Tag, record.Level.ToString(), record.Text);
}
