using System.Collections.Concurrent;
using Switchboard.Contracts;

namespace Switchboard.GatewayRegistrar.Service.Tests;

/// <summary>Keeps every published event, in order.</summary>
internal sealed class RecordingEventPublisher : IEventPublisher
{
    private readonly ConcurrentQueue<object> _events = new();

    public IReadOnlyList<object> Events => [.. _events];

    public ValueTask Publish<T>(T evt) where T : class
    {
        _events.Enqueue(evt);
        return ValueTask.CompletedTask;
    }
}
