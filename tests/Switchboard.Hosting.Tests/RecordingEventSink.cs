using System.Collections.Concurrent;
using Switchboard.Hosting.Bus;

namespace Switchboard.Hosting.Tests;

/// <summary>Records published events; the first <c>failures</c> calls throw, as a broker that is down would.</summary>
internal sealed class RecordingEventSink(int failures) : IEventSink
{
    private readonly ConcurrentQueue<object> _published = new();
    private int _calls;

    public IReadOnlyList<object> Published => _published.ToArray();

    public int Calls => Volatile.Read(ref _calls);

    public Task Publish(object evt, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _calls) <= failures)
        {
            throw new InvalidOperationException("broker unreachable");
        }

        _published.Enqueue(evt);
        return Task.CompletedTask;
    }
}
