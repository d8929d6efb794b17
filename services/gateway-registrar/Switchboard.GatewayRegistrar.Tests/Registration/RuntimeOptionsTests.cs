using Microsoft.Extensions.Options;
using Switchboard.GatewayRegistrar.Registration;
using Switchboard.GatewayRegistrar.Tests.Support;

namespace Switchboard.GatewayRegistrar.Tests.Registration;

/// <summary>Gateway registrar timing changed while it runs, and the validation that guards it.</summary>
public sealed class RuntimeOptionsTests
{
    [Fact]
    public void A_schedule_on_a_monitor_uses_the_timing_current_at_each_delay()
    {
        var monitor = new SettableOptionsMonitor<GatewayRegistrarOptions>(new GatewayRegistrarOptions());
        var schedule = new RegistrationSchedule(monitor, () => 0.0);
        Assert.Equal(TimeSpan.FromSeconds(480), schedule.RefreshDelay(TimeSpan.FromSeconds(600)));
        Assert.Equal(TimeSpan.FromSeconds(1), schedule.RetryDelay(1));

        monitor.Set(new GatewayRegistrarOptions { RefreshFraction = 0.5, RetryMin = TimeSpan.FromSeconds(10) });

        Assert.Equal(TimeSpan.FromSeconds(300), schedule.RefreshDelay(TimeSpan.FromSeconds(600)));
        Assert.Equal(TimeSpan.FromSeconds(5), schedule.RetryDelay(1));
    }

    [Theory]
    [InlineData(nameof(GatewayRegistrarOptions.RefreshFraction))]
    [InlineData(nameof(GatewayRegistrarOptions.RetryMax))]
    [InlineData(nameof(GatewayRegistrarOptions.LeaseDuration))]
    [InlineData(nameof(GatewayRegistrarOptions.UnregisterTimeout))]
    [InlineData(nameof(GatewayRegistrarOptions.UserAgent))]
    public void Options_a_loop_cannot_use_fail_validation(string broken)
    {
        var options = new GatewayRegistrarOptions();
        _ = broken switch
        {
            nameof(options.RefreshFraction) => options.RefreshFraction = 1.5,
            nameof(options.RetryMax) => (options.RetryMax = TimeSpan.FromSeconds(1)).TotalSeconds,
            nameof(options.LeaseDuration) => (options.LeaseDuration = options.SupervisorInterval).TotalSeconds,
            nameof(options.UnregisterTimeout) => (options.UnregisterTimeout = TimeSpan.Zero).TotalSeconds,
            _ => (options.UserAgent = "Switchboard\r\nX-Injected: 1").Length,
        };

        var result = new GatewayRegistrarOptionsValidator().Validate(Options.DefaultName, options);

        Assert.True(result.Failed);
        Assert.Contains(broken, Assert.Single(result.Failures!), StringComparison.Ordinal);
        Assert.True(new GatewayRegistrarOptionsValidator().Validate(Options.DefaultName, new GatewayRegistrarOptions()).Succeeded);
    }
}
