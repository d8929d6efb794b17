using Switchboard.GatewayRegistrar.Registration;

namespace Switchboard.GatewayRegistrar.Tests.Registration;

public sealed class RegistrationScheduleTests
{
    private static readonly GatewayRegistrarOptions Options = new();

    [Theory]
    [InlineData(3600, 2880)] // 80 %
    [InlineData(60, 48)]
    [InlineData(20, 15)]     // expiry − 5 s margin is earlier than 80 %
    [InlineData(3, 1)]       // never sooner than a second
    public void Refreshes_at_80_percent_or_the_margin_before_expiry(int granted, int expected)
    {
        var delay = new RegistrationSchedule(Options, () => 0.5).RefreshDelay(TimeSpan.FromSeconds(granted));
        Assert.Equal(TimeSpan.FromSeconds(expected), delay);
    }

    [Theory]
    [InlineData(1, 1, 2)]
    [InlineData(2, 2, 4)]
    [InlineData(3, 4, 8)]
    [InlineData(7, 64, 128)]
    [InlineData(8, 128, 256)]
    [InlineData(9, 150, 300)] // capped at 5 min
    [InlineData(40, 150, 300)]
    public void Backs_off_doubling_with_jitter_between_half_and_full(int failures, int low, int high)
    {
        var lowest = new RegistrationSchedule(Options, () => 0.0).RetryDelay(failures);
        var highest = new RegistrationSchedule(Options, () => 0.999999).RetryDelay(failures);

        Assert.Equal(TimeSpan.FromSeconds(low), lowest);
        Assert.InRange(highest, TimeSpan.FromSeconds(high) - TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(high));
    }

    [Fact]
    public void Jitter_spreads_retries_of_instances_that_failed_together()
    {
        var schedule = new RegistrationSchedule(Options, new Random(7).NextDouble);
        var delays = Enumerable.Range(0, 50).Select(_ => schedule.RetryDelay(4)).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16)));
        Assert.True(delays.Distinct().Count() > 40);
    }

    [Fact]
    public void Retry_after_is_a_lower_bound_capped_at_the_maximum()
    {
        var schedule = new RegistrationSchedule(Options, () => 0.0);

        Assert.Equal(TimeSpan.FromSeconds(30), schedule.RetryDelay(1, TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromMinutes(5), schedule.RetryDelay(1, TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromSeconds(64), schedule.RetryDelay(7, TimeSpan.FromSeconds(10))); // back-off already longer
    }
}
