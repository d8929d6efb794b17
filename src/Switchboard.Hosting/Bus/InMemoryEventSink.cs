using MassTransit;

namespace Switchboard.Hosting.Bus;

/// <summary>
/// The in-memory bus (all-in-one host): events no consumer of this process accepts are not handed to MassTransit,
/// which would serialise each one to JSON and run its send pipeline only to deliver it nowhere (about 9 % of the
/// server's CPU under digest REGISTER load: nobody in-process consumes ContactRegistered/ContactRefreshed). Consumers are the ones
/// registered in <c>AddSwitchboardBus</c>; endpoints connected to a running in-memory bus are not seen
/// (<c>Bus:SkipUnconsumedInMemory=false</c> publishes everything).
/// </summary>
internal sealed class InMemoryEventSink(IBus bus, ConsumedMessageTypes consumed) : IEventSink
{
    public Task Publish(object evt, CancellationToken cancellationToken)
    {
        var type = evt.GetType();
        // The runtime type, not object: MassTransit routes by message type.
        return consumed.Accepts(type) ? bus.Publish(evt, type, cancellationToken) : Task.CompletedTask;
    }
}
