using Prometheus;

namespace Switchboard.AdminGateway.SystemLog;

public sealed class SystemLogStoreMetrics(IMetricFactory factory)
{
    public Counter Received { get; } = factory.CreateCounter(
        "switchboard_systemlog_records_total", "LogRecorded events received by the System Log.");

    public Counter FileErrors { get; } = factory.CreateCounter(
        "switchboard_systemlog_file_errors_total", "System Log records that could not be written to the file.");
}
