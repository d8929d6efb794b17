namespace Switchboard.Auth.BruteForce;

/// <summary>Thresholds of <see cref="BruteForceLimiter"/>; counts are failures within <see cref="Window"/>.</summary>
public sealed class BruteForceOptions
{
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>From this many failures on, requests are delayed.</summary>
    public int DelayThreshold { get; set; } = 5;

    /// <summary>Delay per failure above <see cref="DelayThreshold"/> (the first delayed request waits one step).</summary>
    public TimeSpan DelayStep { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>At this many failures the key is refused (403) for <see cref="CoolDown"/>.</summary>
    public int RefuseThreshold { get; set; } = 20;

    public TimeSpan CoolDown { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Most addresses plus accounts tracked; the least recently touched is evicted.</summary>
    public int Capacity { get; set; } = 100_000;
}
