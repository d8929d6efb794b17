using Prometheus;

namespace Switchboard.GatewayRegistrar.Status;

/// <summary>Prometheus view of the loops, labelled by gateway name.</summary>
public sealed class GatewayRegistrarMetrics
{
    private readonly Gauge _registered;
    private readonly Gauge _expiry;
    private readonly Counter _attempts;
    private readonly Counter _failures;

    public GatewayRegistrarMetrics(IMetricFactory factory)
    {
        _registered = factory.CreateGauge("switchboard_gateway_registered", "1 while the gateway holds our binding, else 0.", ["gateway"]);
        _expiry = factory.CreateGauge("switchboard_gateway_registration_expiry_seconds", "Lifetime the gateway granted to our binding (0 when not registered).", ["gateway"]);
        _attempts = factory.CreateCounter("switchboard_gateway_registration_attempts_total", "Registration attempts (challenge and 423 rounds included in one).", ["gateway"]);
        _failures = factory.CreateCounter("switchboard_gateway_registration_failures_total", "Registration attempts that failed (error status, timeout, transport).", ["gateway"]);
    }

    public void Attempted(string gateway) => _attempts.WithLabels(gateway).Inc();

    public void Registered(string gateway, TimeSpan granted)
    {
        _registered.WithLabels(gateway).Set(1);
        _expiry.WithLabels(gateway).Set(granted.TotalSeconds);
    }

    public void Failed(string gateway, bool stillRegistered)
    {
        _failures.WithLabels(gateway).Inc();
        if (!stillRegistered)
        {
            Unregistered(gateway);
        }
    }

    public void Unregistered(string gateway)
    {
        _registered.WithLabels(gateway).Set(0);
        _expiry.WithLabels(gateway).Set(0);
    }
}
