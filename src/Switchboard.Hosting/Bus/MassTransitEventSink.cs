using MassTransit;

namespace Switchboard.Hosting.Bus;

internal sealed class MassTransitEventSink(IBus bus) : IEventSink
{
    // The runtime type, not object: MassTransit routes by message type.
    public Task Publish(object evt, CancellationToken cancellationToken) =>
        bus.Publish(evt, evt.GetType(), cancellationToken);
}
