using System.Collections.Concurrent;
using Switchboard.Contracts;

namespace Switchboard.MediaProxy.Service.Tests;

/// <summary>Keeps every published event.</summary>
internal sealed class RecordingEventPublisher : IEventPublisher
{
    public ConcurrentQueue<object> Events { get; } = new();

    public ValueTask Publish<T>(T evt) where T : class
    {
        Events.Enqueue(evt);
        return ValueTask.CompletedTask;
    }
}
