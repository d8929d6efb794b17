namespace Switchboard.Transaction.Timers;

/// <summary>A scheduled timer on a <see cref="TimerWheel"/>; cancel it in O(1).</summary>
public sealed class WheelTimer
{
    private readonly TimerWheel _wheel;

    internal WheelTimer(TimerWheel wheel, Action<object?> callback, object? state)
    {
        _wheel = wheel;
        Callback = callback;
        State = state;
    }

    // The links and DueTick are guarded by the wheel's lock.
    internal WheelTimer? Previous;
    internal WheelTimer? Next;
    internal long DueTick;
    internal bool Linked;

    internal Action<object?> Callback { get; }
    internal object? State { get; }

    /// <summary>Whether the timer is still waiting to fire.</summary>
    public bool IsPending => _wheel.IsPending(this);

    /// <summary>Stops the timer; false when it already fired, is firing, or was cancelled.</summary>
    public bool Cancel() => _wheel.Cancel(this);
}
