namespace Switchboard.Hosting.Bus;

/// <summary>Where the drain hands events: the bus in production, a recorder in tests.</summary>
internal interface IEventSink
{
    Task Publish(object evt, CancellationToken cancellationToken);
}
