using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Prometheus;
using Switchboard.Contracts.Events;
using Switchboard.Hosting.Bus;

namespace Switchboard.Hosting.Tests;

public sealed class EventQueueTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private readonly EventQueueMetrics _metrics = new(Metrics.WithCustomRegistry(Metrics.NewCustomRegistry()));

    private EventQueue Queue(int capacity) =>
        new(Options.Create(new EventQueueOptions { Capacity = capacity }), _metrics);

    private static CallStarted Call(int n) => new($"call-{n}", "sip:alice@example.com", "sip:bob@example.com", Now);

    [Fact]
    public async Task A_full_queue_drops_new_events_and_counts_them_without_blocking()
    {
        var queue = Queue(capacity: 2);

        for (var i = 0; i < 5; i++)
        {
            var publish = queue.Publish(Call(i));
            Assert.True(publish.IsCompletedSuccessfully);
            await publish;
        }

        Assert.Equal(2, queue.Count);
        Assert.Equal(3, _metrics.Dropped.Value);
        Assert.True(queue.Reader.TryRead(out var first));
        Assert.Equal("call-0", ((CallStarted)first).CallId);
    }

    [Fact]
    public void A_capacity_below_one_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Queue(capacity: 0));
    }

    [Fact]
    public async Task The_drain_retries_with_backoff_and_keeps_order_while_callers_go_on()
    {
        var queue = Queue(capacity: 100);
        var sink = new RecordingEventSink(failures: 3);
        var options = Options.Create(new EventQueueOptions
        {
            Capacity = 100,
            InitialBackoff = TimeSpan.FromMilliseconds(5),
            MaxBackoff = TimeSpan.FromMilliseconds(20),
        });
        using var drain = new EventDrainService(queue, sink, _metrics, options, TimeProvider.System, NullLogger<EventDrainService>.Instance);

        await drain.StartAsync(CancellationToken.None);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(queue.Publish(Call(i)).IsCompletedSuccessfully);
        }

        var delivered = await Eventually.True(() => sink.Published.Count == 10);
        await drain.StopAsync(CancellationToken.None);

        Assert.True(delivered, $"delivered {sink.Published.Count} of 10");
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"call-{i}"), sink.Published.Cast<CallStarted>().Select(c => c.CallId));
        Assert.Equal(3, _metrics.PublishFailures.Value);
        Assert.Equal(10, _metrics.Published.Value);
        Assert.Equal(0, _metrics.Dropped.Value);
    }
}
