using Microsoft.Extensions.Time.Testing;

namespace Switchboard.GatewayRegistrar.Tests.Support;

/// <summary>
/// Fake time that counts the timers created (Task.Delay, timeouts), so a test can wait until a background loop is
/// asleep before it advances the clock: no race between "advance" and "start waiting".
/// </summary>
internal sealed class TimerCountingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private int _timers;

    public int TimersCreated => Volatile.Read(ref _timers);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref _timers);
        return timer;
    }

    /// <summary>Waits (bounded, real time) until at least <paramref name="count"/> timers exist.</summary>
    public async Task<bool> WaitForTimersAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (TimersCreated < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        return TimersCreated >= count;
    }
}
