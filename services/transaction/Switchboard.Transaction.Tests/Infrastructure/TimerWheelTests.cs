using Microsoft.Extensions.Time.Testing;
using Switchboard.Transaction.Timers;

namespace Switchboard.Transaction.Tests.Infrastructure;

public sealed class TimerWheelTests : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);
    private readonly FakeTimeProvider _time = new();
    private readonly TimerWheel _wheel;
    private readonly List<string> _fired = [];

    public TimerWheelTests() => _wheel = new TimerWheel(_time, Tick, 64);

    public void Dispose() => _wheel.Dispose();

    private WheelTimer At(int ms, string name) =>
        _wheel.Schedule(TimeSpan.FromMilliseconds(ms), s => _fired.Add((string)s!), name);

    private void StepMs(int ms)
    {
        for (var i = 0; i < ms / 10; i++) _time.Advance(Tick);
    }

    [Fact]
    public void Fires_AtItsDelay_NotBefore()
    {
        At(100, "a");
        StepMs(90);
        Assert.Empty(_fired);
        StepMs(10);
        Assert.Equal(["a"], _fired);
        Assert.Equal(0, _wheel.Count);
    }

    [Fact]
    public void Fires_InDueOrder_AndSameTickInSchedulingOrder()
    {
        At(30, "c");
        At(10, "a");
        At(20, "b1");
        At(20, "b2");
        StepMs(50);
        Assert.Equal(["a", "b1", "b2", "c"], _fired);
    }

    [Fact]
    public void DelayIsRoundedUpToWholeTicks_AtLeastOne()
    {
        At(0, "zero");
        At(11, "eleven");
        StepMs(10);
        Assert.Equal(["zero"], _fired);
        StepMs(10);
        Assert.Equal(["zero", "eleven"], _fired);
    }

    [Fact]
    public void Cancel_PreventsFiring_AndReportsWhetherItWasPending()
    {
        var a = At(50, "a");
        At(50, "b");
        Assert.True(a.IsPending);
        Assert.True(a.Cancel());
        Assert.False(a.Cancel());
        StepMs(100);
        Assert.Equal(["b"], _fired);
        Assert.False(a.IsPending);
    }

    [Fact]
    public void Cancel_AfterFiring_ReturnsFalse()
    {
        var a = At(10, "a");
        StepMs(10);
        Assert.False(a.Cancel());
    }

    [Fact]
    public void DelaysLongerThanTheWheel_WaitTheirRounds()
    {
        // 64 slots * 10 ms = 640 ms per turn.
        At(2_000, "long");
        At(640, "one-turn");
        StepMs(1_990);
        Assert.Equal(["one-turn"], _fired);
        StepMs(10);
        Assert.Equal(["one-turn", "long"], _fired);
    }

    [Fact]
    public void OneLargeAdvance_CatchesUpSlotBySlot_SoChainedTimersKeepTheirSpacing()
    {
        var times = new List<long>();
        void Chain(object? _)
        {
            times.Add(times.Count);
            if (times.Count < 5) _wheel.Schedule(TimeSpan.FromMilliseconds(100), Chain, null);
        }
        _wheel.Schedule(TimeSpan.FromMilliseconds(100), Chain, null);
        var late = At(450, "late");
        _time.Advance(TimeSpan.FromMilliseconds(420));
        // Chain fired at 100, 200, 300, 400; the fifth is due at 500.
        Assert.Equal(4, times.Count);
        Assert.True(late.IsPending);
        _time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(5, times.Count);
        Assert.Equal(["late"], _fired);
    }

    [Fact]
    public void ManyTimers_EachFiresOnce_AtItsTick()
    {
        var random = new Random(42);
        var due = new int[10_000];
        var firedAt = new long[10_000];
        var now = 0L;
        for (var i = 0; i < due.Length; i++)
        {
            due[i] = random.Next(1, 500) * 10;
            var index = i;
            _wheel.Schedule(TimeSpan.FromMilliseconds(due[i]), _ => firedAt[index] = now, null);
        }
        for (var step = 0; step < 500 && _wheel.Count > 0; step++)
        {
            now += 10;
            _time.Advance(Tick);
        }
        for (var i = 0; i < due.Length; i++) Assert.Equal(due[i], firedAt[i]);
        Assert.Equal(0, _wheel.Count);
    }

    [Fact]
    public void ThrowingCallback_DoesNotStopTheWheel()
    {
        _wheel.Schedule(Tick, _ => throw new InvalidOperationException("boom"), null);
        At(20, "after");
        StepMs(20);
        Assert.Equal(["after"], _fired);
        Assert.Equal(1, _wheel.FailedCallbacks);
    }

    [Fact]
    public void IdleWheel_RestartsFromTheCurrentTime()
    {
        At(10, "a");
        StepMs(10);
        _time.Advance(TimeSpan.FromHours(1));
        At(30, "b");
        StepMs(20);
        Assert.Equal(["a"], _fired);
        StepMs(10);
        Assert.Equal(["a", "b"], _fired);
    }
}
