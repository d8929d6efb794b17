using Microsoft.Extensions.Options;

namespace Switchboard.GatewayRegistrar.Registration;

/// <summary>
/// When to send the next REGISTER: refreshes ahead of expiry, exponential back-off with jitter after failures. Given
/// an <see cref="IOptionsMonitor{TOptions}"/>, each delay uses the timing current at that moment (run-time settings).
/// </summary>
public sealed class RegistrationSchedule
{
    private readonly Func<GatewayRegistrarOptions> _options;
    private readonly Func<double> _random;

    public RegistrationSchedule(GatewayRegistrarOptions options, Func<double>? random = null)
        : this(() => options, random)
    {
    }

    public RegistrationSchedule(IOptionsMonitor<GatewayRegistrarOptions> options, Func<double>? random = null)
        : this(() => options.CurrentValue, random)
    {
    }

    private RegistrationSchedule(Func<GatewayRegistrarOptions> options, Func<double>? random)
    {
        _options = options;
        _random = random ?? Random.Shared.NextDouble;
    }

    /// <summary>At <see cref="GatewayRegistrarOptions.RefreshFraction"/> of the granted time, but at least the margin before expiry.</summary>
    public TimeSpan RefreshDelay(TimeSpan granted)
    {
        var options = _options();
        var byFraction = granted * options.RefreshFraction;
        var byMargin = granted - options.RefreshMargin;
        var delay = byFraction < byMargin ? byFraction : byMargin;
        return delay < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delay;
    }

    /// <summary>
    /// RetryMin·2^(n−1) capped at RetryMax, then "equal jitter": uniformly in [half, full], so instances that failed
    /// together do not retry together, and the wait still grows. A Retry-After from the gateway is a lower bound.
    /// </summary>
    public TimeSpan RetryDelay(int consecutiveFailures, TimeSpan? retryAfter = null)
    {
        var options = _options();
        var exponent = Math.Clamp(consecutiveFailures - 1, 0, 30);
        var ceiling = options.RetryMin * Math.Pow(2, exponent);
        if (ceiling > options.RetryMax)
        {
            ceiling = options.RetryMax;
        }

        var delay = ceiling / 2 + ceiling / 2 * _random();
        if (retryAfter is { } asked && asked > delay)
        {
            delay = asked < options.RetryMax ? asked : options.RetryMax;
        }

        return delay;
    }
}
