using MassTransit;
using Switchboard.Contracts.Events;

namespace Switchboard.Hosting.Bus;

/// <summary>
/// Hands a bus event to every <see cref="IEventHandler{TEvent}"/> of this process. Registered on a temporary queue of
/// the process's own (<see cref="PerProcessEventConsumerRegistration"/>), so each instance of a scaled-out service
/// sees every event: e.g. every transaction instance sees each media timeout, and the one that proxied the call ends it.
/// </summary>
public sealed class PerProcessEventConsumer<TEvent>(IEnumerable<IEventHandler<TEvent>> handlers) : IConsumer<TEvent>
    where TEvent : class
{
    public Task Consume(ConsumeContext<TEvent> context)
    {
        foreach (var handler in handlers)
        {
            handler.Handle(context.Message);
        }

        return Task.CompletedTask;
    }
}

public static class PerProcessEventConsumerRegistration
{
    /// <summary>Delivers <typeparamref name="TEvent"/> to this process's handlers through its own temporary queue.</summary>
    public static IBusRegistrationConfigurator AddPerProcessConsumer<TEvent>(this IBusRegistrationConfigurator bus)
        where TEvent : class
    {
        bus.AddConsumer<PerProcessEventConsumer<TEvent>>().Endpoint(e =>
        {
            e.Name = EndpointName(typeof(TEvent).Name, Environment.MachineName, Environment.ProcessId);
            e.Temporary = true;
        });
        return bus;
    }

    public static string EndpointName(string eventName, string machineName, int processId) => $"{eventName}-{machineName}-{processId}";
}
