using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Switchboard.Contracts;

namespace Switchboard.Hosting.Logging;

/// <summary>
/// Hands queued log records to <see cref="IEventPublisher"/> (itself non-blocking). A process without a bus
/// (no <c>AddSwitchboardBus</c>) has no publisher: forwarding is switched off instead of filling a queue.
/// </summary>
internal sealed class SystemLogForwardingService(SystemLogForwarder forwarder, IServiceProvider services) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!forwarder.Enabled)
        {
            return;
        }

        if (services.GetService<IEventPublisher>() is not { } publisher)
        {
            forwarder.Disable();
            return;
        }

        var reader = forwarder.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                while (reader.TryRead(out var record))
                {
                    // The publisher should not wait, but a stuck one must not hold up stopping.
                    var pending = publisher.Publish(record);
                    if (!pending.IsCompletedSuccessfully)
                    {
                        await pending.AsTask().WaitAsync(stoppingToken);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: records still queued are dropped with the process.
        }
    }
}
