using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switchboard.Hosting.Bus;

/// <summary>
/// Moves queued events to the bus one at a time, in order. A failed publish keeps the event at the head
/// of the queue and retries after a doubling back-off, so a broker outage fills the queue (and then
/// drops) instead of blocking callers or losing order.
/// </summary>
internal sealed partial class EventDrainService(
    EventQueue queue,
    IEventSink sink,
    EventQueueMetrics metrics,
    IOptions<EventQueueOptions> options,
    TimeProvider time,
    ILogger<EventDrainService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = options.Value.InitialBackoff;
        var reader = queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                while (reader.TryPeek(out var evt))
                {
                    if (await TryPublish(evt, stoppingToken))
                    {
                        reader.TryRead(out _);
                        backoff = options.Value.InitialBackoff;
                        continue;
                    }

                    await Task.Delay(backoff, time, stoppingToken);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.Value.MaxBackoff.Ticks));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            if (queue.Count > 0)
            {
                LogUnsent(logger, queue.Count);
            }
        }
    }

    private async Task<bool> TryPublish(object evt, CancellationToken stoppingToken)
    {
        try
        {
            await sink.Publish(evt, stoppingToken);
            metrics.Published.Inc();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            metrics.PublishFailures.Inc();
            LogPublishFailed(logger, evt.GetType().Name, ex);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {EventType} failed; retrying with back-off")]
    private static partial void LogPublishFailed(ILogger logger, string eventType, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping with {Count} events not sent to the bus")]
    private static partial void LogUnsent(ILogger logger, int count);
}
