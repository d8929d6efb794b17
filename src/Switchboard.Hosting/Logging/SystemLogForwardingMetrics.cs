using Prometheus;

namespace Switchboard.Hosting.Logging;

/// <summary>Counters of the log fan-out. The factory is injected so tests can use their own registry.</summary>
public sealed class SystemLogForwardingMetrics(IMetricFactory factory)
{
    public Counter Queued { get; } = factory.CreateCounter(
        "switchboard_systemlog_forward_queued_total", "Log records queued for the bus as LogRecorded events.");

    public Counter Dropped { get; } = factory.CreateCounter(
        "switchboard_systemlog_forward_dropped_total", "Log records dropped because the forwarding queue was full.");
}
