using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Contracts.Events;

namespace Switchboard.AdminGateway.Settings;

/// <summary>
/// Publishes every stored setting at start and every <see cref="SettingsStoreOptions.RepublishInterval"/>:
/// services keep no settings of their own, so one that (re)started after a change learns it here.
/// </summary>
internal sealed class SettingsRepublishService(
    SettingsStore store,
    IServiceProvider services,
    IOptions<SettingsStoreOptions> options,
    TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetService<IEventPublisher>() is not { } publisher)
        {
            return; // no bus in this process: nobody to tell
        }

        await PublishAll(publisher);
        var interval = options.Value.RepublishInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PublishAll(publisher);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task PublishAll(IEventPublisher publisher)
    {
        foreach (var setting in store.List())
        {
            await publisher.Publish(new SettingsChanged(setting.Component, setting.Key, setting.Value, setting.Updated));
        }
    }
}
