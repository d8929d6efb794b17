using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts;

namespace Switchboard.AdminGateway.Tests;

/// <summary>
/// Records what is published. With <see cref="Block"/> every publish waits forever (a stuck broker); with
/// <see cref="LogWhilePublishing"/> each publish logs an error under that category (as a bus would).
/// </summary>
internal sealed class RecordingEventPublisher(ILoggerFactory loggers) : IEventPublisher
{
    private readonly ConcurrentQueue<object> _events = new();
    private readonly TaskCompletionSource _never = new();

    public IReadOnlyList<object> Events => _events.ToArray();

    public bool Block { get; set; }

    public string? LogWhilePublishing { get; set; }

    public int Calls => _calls;

    private int _calls;

    public ValueTask Publish<T>(T evt) where T : class
    {
        Interlocked.Increment(ref _calls);
        if (Block)
        {
            return new ValueTask(_never.Task);
        }

        _events.Enqueue(evt);
        if (LogWhilePublishing is { } category)
        {
            loggers.CreateLogger(category).LogError("publishing {Type} went wrong", typeof(T).Name);
        }

        return ValueTask.CompletedTask;
    }
}
