using MassTransit;
using Prometheus;
using Switchboard.Contracts.Events;

namespace Switchboard.AdminGateway.SystemLog;

/// <summary>
/// The System Log service: every service's <see cref="LogRecorded"/> goes to the ring (for <c>GET /api/log</c>) and
/// the combined file. A file that cannot be written is counted, not retried: the ring still has the record.
/// </summary>
public sealed partial class LogRecordedConsumer(
    SystemLogRing ring,
    SystemLogFile file,
    SystemLogStoreMetrics metrics,
    ILogger<LogRecordedConsumer> logger) : IConsumer<LogRecorded>
{
    public Task Consume(ConsumeContext<LogRecorded> context)
    {
        var record = context.Message;
        ring.Add(record);
        metrics.Received.Inc();
        try
        {
            file.Write(record);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            metrics.FileErrors.Inc();
            LogWriteFailed(logger, file.CurrentPath, ex);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the System Log file {Path} failed")]
    private static partial void LogWriteFailed(ILogger logger, string path, Exception exception);
}
