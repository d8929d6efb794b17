namespace Switchboard.Contracts;

/// <summary>
/// Publishes an event to whoever listens. Never blocks the caller on the broker: the hosting
/// implementation queues the event and may drop it (and count the drop) when its queue is full.
/// </summary>
public interface IEventPublisher
{
    ValueTask Publish<T>(T evt) where T : class;
}
