using Switchboard.Contracts;
using Switchboard.Router.Changes;
using ContractEvents = Switchboard.Contracts.Events;

namespace Switchboard.Router.Service.Events;

/// <summary>
/// Publishes the library's in-process routing changes as the Contracts <see cref="ContractEvents.RoutingChanged"/>
/// event when an <see cref="IEventPublisher"/> is registered, so other services drop their caches.
/// </summary>
public sealed class RoutingChangePublisher(
    IRoutingChanges changes,
    TimeProvider time,
    ILogger<RoutingChangePublisher> logger,
    IEventPublisher? publisher = null) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (publisher is not null)
            changes.Changed += OnChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        changes.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    /// <summary>The Contracts kind for a library change; a domain change affects that domain's accounts.</summary>
    public static ContractEvents.RoutingChangeKind ToContract(RoutingChangeKind kind) => kind switch
    {
        RoutingChangeKind.Aliases => ContractEvents.RoutingChangeKind.Aliases,
        RoutingChangeKind.Forwarders => ContractEvents.RoutingChangeKind.Forwarders,
        RoutingChangeKind.RouterTable => ContractEvents.RoutingChangeKind.RouterRecords,
        _ => ContractEvents.RoutingChangeKind.Accounts,
    };

    private void OnChanged(RoutingChanged change)
    {
        var evt = new ContractEvents.RoutingChanged(ToContract(change.Kind), change.Domain, time.GetUtcNow());
        var pending = publisher!.Publish(evt);
        if (!pending.IsCompletedSuccessfully)
            _ = ObserveAsync(pending);
    }

    private async Task ObserveAsync(ValueTask pending)
    {
        try
        {
            await pending;
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Publishing RoutingChanged failed");
        }
    }
}
