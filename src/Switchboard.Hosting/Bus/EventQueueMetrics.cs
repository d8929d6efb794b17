using Prometheus;

namespace Switchboard.Hosting.Bus;

/// <summary>Counters of the event queue. The factory is injected so tests can use their own registry.</summary>
public sealed class EventQueueMetrics(IMetricFactory factory)
{
    public Counter Dropped { get; } = factory.CreateCounter(
        "switchboard_events_dropped_total", "Events dropped because the event queue was full.");

    public Counter Published { get; } = factory.CreateCounter(
        "switchboard_events_published_total", "Events handed to the bus.");

    public Counter PublishFailures { get; } = factory.CreateCounter(
        "switchboard_events_publish_failures_total", "Failed attempts to hand an event to the bus (retried).");
}
