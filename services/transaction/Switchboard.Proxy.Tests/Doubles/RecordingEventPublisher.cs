using Switchboard.Contracts;

namespace Switchboard.Proxy.Tests.Doubles;

internal sealed class RecordingEventPublisher : IEventPublisher
{
    private readonly object _gate = new();

    public List<object> Events { get; } = [];

    public ValueTask Publish<T>(T evt) where T : class
    {
        lock (_gate)
        {
            Events.Add(evt);
        }

        return ValueTask.CompletedTask;
    }

    public IReadOnlyList<T> OfType<T>()
    {
        lock (_gate)
        {
            return Events.OfType<T>().ToList();
        }
    }
}
