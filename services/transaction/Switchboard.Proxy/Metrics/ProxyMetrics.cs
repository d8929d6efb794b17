using System.Collections.Frozen;
using Prometheus;

namespace Switchboard.Proxy.Metrics;

/// <summary>The proxy's Prometheus series (<c>switchboard_proxy_*</c>); values readable for tests.</summary>
public sealed class ProxyMetrics
{
    // Method tokens come from the wire: anything outside the known set shares one label, so a peer cannot
    // create series at will.
    private static readonly FrozenSet<string> KnownMethods = new[]
    {
        "INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "MESSAGE", "SUBSCRIBE", "NOTIFY", "PUBLISH", "REFER",
        "INFO", "UPDATE", "PRACK",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly Counter _forwarded;
    private readonly Counter _responses;
    private readonly Counter _rejected;
    private readonly Gauge _contexts;
    private readonly Gauge _dialogs;

    public ProxyMetrics(IMetricFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _forwarded = factory.CreateCounter("switchboard_proxy_forwarded_requests_total", "Requests forwarded (one per branch), by method.", ["method"]);
        _responses = factory.CreateCounter("switchboard_proxy_responses_total", "Responses sent upstream (forwarded or generated), by status class.", ["class"]);
        _rejected = factory.CreateCounter("switchboard_proxy_rejected_total", "Requests answered by the proxy itself instead of forwarded, by status.", ["status"]);
        _contexts = factory.CreateGauge("switchboard_proxy_contexts", "Live response contexts (requests being proxied statefully).");
        _dialogs = factory.CreateGauge("switchboard_proxy_dialogs", "Answered record-routed calls not yet ended.");
    }

    public double ActiveContexts => _contexts.Value;

    public double ActiveDialogs => _dialogs.Value;

    public long Forwarded(string method) => (long)_forwarded.WithLabels(Label(method)).Value;

    public long Responses(int statusClass) => (long)_responses.WithLabels($"{statusClass}xx").Value;

    public long Rejected(int status) => (long)_rejected.WithLabels(status.ToString(System.Globalization.CultureInfo.InvariantCulture)).Value;

    public void RequestForwarded(string method) => _forwarded.WithLabels(Label(method)).Inc();

    private static string Label(string method) => KnownMethods.Contains(method) ? method : "other";

    public void ResponseSent(int status) => _responses.WithLabels($"{status / 100}xx").Inc();

    public void RequestRejected(int status) => _rejected.WithLabels(status.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();

    public void ContextOpened() => _contexts.Inc();

    public void ContextClosed() => _contexts.Dec();

    public void DialogOpened() => _dialogs.Inc();

    public void DialogClosed() => _dialogs.Dec();
}
