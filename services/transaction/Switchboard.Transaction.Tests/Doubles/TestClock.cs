using Microsoft.Extensions.Time.Testing;

namespace Switchboard.Transaction.Tests.Doubles;

/// <summary>A fake clock advanced in wheel-tick steps, so recorded times are the times timers fired.</summary>
public sealed class TestClock
{
    private readonly long _start;

    public TestClock(TimeSpan step)
    {
        Step = step;
        _start = Time.GetTimestamp();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public TimeSpan Step { get; }

    public TimeSpan Elapsed => Time.GetElapsedTime(_start);

    /// <summary>Advances by <paramref name="duration"/>, one step at a time.</summary>
    public void Run(TimeSpan duration)
    {
        var end = Elapsed + duration;
        while (Elapsed + Step <= end) Time.Advance(Step);
        if (Elapsed < end) Time.Advance(end - Elapsed);
    }

    /// <summary>Advances to <paramref name="sinceStart"/> from the clock's creation.</summary>
    public void RunTo(TimeSpan sinceStart)
    {
        if (sinceStart > Elapsed) Run(sinceStart - Elapsed);
    }

    public void RunToSeconds(double seconds) => RunTo(TimeSpan.FromSeconds(seconds));
}
