namespace Switchboard.Transaction.Timers;

/// <summary>
/// A hashed timer wheel: one <see cref="ITimer"/> ticks at a fixed granularity while any timer
/// is pending, O(1) schedule and cancel, callbacks run on the ticking thread in due order.
/// A late tick catches up slot by slot, so timers scheduled from a callback keep exact spacing.
/// </summary>
public sealed class TimerWheel : IDisposable
{
    private readonly object _lock = new();
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private readonly TimeSpan _tick;
    private readonly long _origin;
    private readonly WheelTimer?[] _heads;
    private readonly WheelTimer?[] _tails;
    private readonly int _mask;
    private long _currentTick; // guarded by _lock
    private int _count; // guarded by _lock
    private bool _running; // guarded by _lock
    private int _processing;
    private long _failedCallbacks;

    /// <summary>Creates a wheel ticking every <paramref name="tick"/> with at least <paramref name="slots"/> slots.</summary>
    public TimerWheel(TimeProvider time, TimeSpan tick, int slots = 4096)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(tick, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        _time = time;
        _tick = tick;
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)slots);
        _heads = new WheelTimer?[size];
        _tails = new WheelTimer?[size];
        _mask = size - 1;
        _origin = time.GetTimestamp();
        _timer = time.CreateTimer(static s => ((TimerWheel)s!).OnTick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Pending timers.</summary>
    public int Count { get { lock (_lock) return _count; } }

    /// <summary>Callbacks that threw (the exception is dropped so the wheel keeps ticking).</summary>
    public long FailedCallbacks => Interlocked.Read(ref _failedCallbacks);

    /// <summary>Runs <paramref name="callback"/> after <paramref name="delay"/>, rounded up to whole ticks (at least one).</summary>
    public WheelTimer Schedule(TimeSpan delay, Action<object?> callback, object? state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var ticks = Math.Max(1, (delay.Ticks + _tick.Ticks - 1) / _tick.Ticks);
        var entry = new WheelTimer(this, callback, state);
        lock (_lock)
        {
            if (!_running)
            {
                // Idle wheel: skip the empty ticks instead of replaying them.
                _currentTick = Math.Max(_currentTick, NowTick());
                _timer.Change(_tick, _tick);
                _running = true;
            }
            entry.DueTick = _currentTick + ticks;
            Link(entry);
        }
        return entry;
    }

    internal bool Cancel(WheelTimer entry)
    {
        lock (_lock)
        {
            if (!entry.Linked) return false;
            Unlink(entry);
            return true;
        }
    }

    internal bool IsPending(WheelTimer entry)
    {
        lock (_lock) return entry.Linked;
    }

    /// <inheritdoc />
    public void Dispose() => _timer.Dispose();

    private long NowTick() => _time.GetElapsedTime(_origin).Ticks / _tick.Ticks;

    private void OnTick()
    {
        // One thread drains at a time; an overlapping tick is picked up by the next one.
        if (Interlocked.Exchange(ref _processing, 1) == 1) return;
        try
        {
            var target = NowTick();
            while (TryAdvance(target, out var due))
                Fire(due);
        }
        finally
        {
            Volatile.Write(ref _processing, 0);
        }
    }

    private bool TryAdvance(long target, out WheelTimer? due)
    {
        lock (_lock)
        {
            due = null;
            if (_currentTick >= target)
            {
                if (_count == 0 && _running)
                {
                    _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                    _running = false;
                }
                return false;
            }
            _currentTick++;
            due = CollectDue(_currentTick);
            return true;
        }
    }

    // Unlinks the due entries of the slot and chains them through Next, in scheduling order.
    private WheelTimer? CollectDue(long tick)
    {
        WheelTimer? first = null, last = null;
        var entry = _heads[tick & _mask];
        while (entry is not null)
        {
            var next = entry.Next;
            if (entry.DueTick <= tick)
            {
                Unlink(entry);
                if (last is null) first = entry; else last.Next = entry;
                last = entry;
            }
            entry = next;
        }
        return first;
    }

    private void Fire(WheelTimer? entry)
    {
        while (entry is not null)
        {
            var next = entry.Next;
            entry.Next = null;
            try
            {
                entry.Callback(entry.State);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref _failedCallbacks);
            }
            entry = next;
        }
    }

    private void Link(WheelTimer entry)
    {
        var slot = (int)(entry.DueTick & _mask);
        entry.Previous = _tails[slot];
        entry.Next = null;
        if (_tails[slot] is { } tail) tail.Next = entry; else _heads[slot] = entry;
        _tails[slot] = entry;
        entry.Linked = true;
        _count++;
    }

    private void Unlink(WheelTimer entry)
    {
        var slot = (int)(entry.DueTick & _mask);
        if (entry.Previous is { } previous) previous.Next = entry.Next; else _heads[slot] = entry.Next;
        if (entry.Next is { } next) next.Previous = entry.Previous; else _tails[slot] = entry.Previous;
        entry.Previous = null;
        entry.Next = null;
        entry.Linked = false;
        _count--;
    }
}
