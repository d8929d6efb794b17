using Microsoft.Extensions.Options;

namespace Switchboard.Auth.BruteForce;

/// <summary>
/// Counts authentication failures per source address and per account in a sliding window. Above
/// <see cref="BruteForceOptions.DelayThreshold"/> the caller delays answers, at
/// <see cref="BruteForceOptions.RefuseThreshold"/> it refuses (403) for a cool-down. Memory is bounded:
/// at <see cref="BruteForceOptions.Capacity"/> keys the least recently touched is forgotten.
/// Counters are plain properties; the host exports them.
/// </summary>
public sealed class BruteForceLimiter
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<KeyState>> _keys = new(StringComparer.Ordinal); // guarded by _lock
    private readonly Dictionary<string, LinkedListNode<KeyState>>.AlternateLookup<ReadOnlySpan<char>> _lookup; // guarded by _lock
    private readonly LinkedList<KeyState> _recency = new();                                          // guarded by _lock
    private readonly BruteForceOptions _options;
    private readonly TimeProvider _time;
    private long _failures;
    private long _delayed;
    private long _refused;
    private long _evictions;

    public BruteForceLimiter(IOptions<BruteForceOptions> options, TimeProvider time)
        : this(options.Value, time)
    {
    }

    public BruteForceLimiter(BruteForceOptions options, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RefuseThreshold, 1);
        _options = options;
        _time = time;
        _lookup = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public event Action<LimiterKeyBlocked>? Blocked;

    public long FailuresRecorded => Interlocked.Read(ref _failures);

    public long RequestsDelayed => Interlocked.Read(ref _delayed);

    public long RequestsRefused => Interlocked.Read(ref _refused);

    public long Evictions => Interlocked.Read(ref _evictions);

    public int TrackedKeys
    {
        get
        {
            lock (_lock)
            {
                return _keys.Count;
            }
        }
    }

    /// <summary>Call before checking credentials; the stricter of the address's and the account's verdicts wins.</summary>
    public LimitVerdict Check(string sourceAddress, string? account)
    {
        var now = _time.GetUtcNow();
        LimitVerdict verdict;
        lock (_lock)
        {
            // Looked up by span: a request from a source with no failures on record allocates no key.
            verdict = Stricter(
                CheckKey(new Key('a', sourceAddress), now), account is null ? LimitVerdict.Allow : CheckKey(new Key('u', account), now));
        }

        if (verdict.Action == LimitAction.Refuse)
        {
            Interlocked.Increment(ref _refused);
        }
        else if (verdict.Action == LimitAction.Delay)
        {
            Interlocked.Increment(ref _delayed);
        }

        return verdict;
    }

    public void RecordFailure(string sourceAddress, string? account)
    {
        Interlocked.Increment(ref _failures);
        var now = _time.GetUtcNow();
        List<LimiterKeyBlocked>? blocked = null;
        lock (_lock)
        {
            AddFailure(AddressKey(sourceAddress), "address", sourceAddress, now, ref blocked);
            if (account is not null)
            {
                AddFailure(AccountKey(account), "account", account, now, ref blocked);
            }
        }

        // Raised outside the lock so handlers cannot deadlock or slow other callers.
        foreach (var e in blocked ?? [])
        {
            Blocked?.Invoke(e);
        }
    }

    /// <summary>A success clears the account's failures (not the address's: one valid account must not launder an address).</summary>
    public void RecordSuccess(string? account)
    {
        if (account is null)
        {
            return;
        }

        lock (_lock)
        {
            if (TryFind(new Key('u', account), out var node) && node.Value.BlockedUntil is null)
            {
                _recency.Remove(node);
                _keys.Remove(node.Value.Key);
            }
        }
    }

    private LimitVerdict CheckKey(Key key, DateTimeOffset now)
    {
        if (!TryFind(key, out var node))
        {
            return LimitVerdict.Allow;
        }

        // A key that keeps knocking stays recent, so a blocked attacker is not the next one evicted.
        _recency.Remove(node);
        _recency.AddLast(node);
        var state = node.Value;
        if (state.BlockedUntil is { } until)
        {
            if (until > now)
            {
                return LimitVerdict.Refuse;
            }

            state.BlockedUntil = null;
        }

        state.Prune(now - _options.Window);
        var over = state.Failures.Count - _options.DelayThreshold;
        if (over < 0)
        {
            return LimitVerdict.Allow;
        }

        var delay = _options.DelayStep * (over + 1);
        return new LimitVerdict(LimitAction.Delay, delay > _options.MaxDelay ? _options.MaxDelay : delay);
    }

    private void AddFailure(string key, string kind, string name, DateTimeOffset now, ref List<LimiterKeyBlocked>? blocked)
    {
        var state = Touch(key);
        if (state.BlockedUntil > now)
        {
            return;
        }

        state.Prune(now - _options.Window);
        state.Failures.Enqueue(now);
        if (state.Failures.Count >= _options.RefuseThreshold)
        {
            state.Failures.Clear();
            state.BlockedUntil = now + _options.CoolDown;
            (blocked ??= []).Add(new LimiterKeyBlocked(kind, name, state.BlockedUntil.Value));
        }
    }

    private KeyState Touch(string key)
    {
        if (_keys.TryGetValue(key, out var node))
        {
            _recency.Remove(node);
            _recency.AddLast(node);
            return node.Value;
        }

        if (_keys.Count >= _options.Capacity)
        {
            var oldest = _recency.First!;
            _recency.RemoveFirst();
            _keys.Remove(oldest.Value.Key);
            Interlocked.Increment(ref _evictions);
        }

        node = _recency.AddLast(new KeyState(key));
        _keys[key] = node;
        return node.Value;
    }

    private static LimitVerdict Stricter(LimitVerdict a, LimitVerdict b) =>
        a.Action != b.Action ? (a.Action > b.Action ? a : b) : (a.Delay >= b.Delay ? a : b);

    private static string AddressKey(string address) => "a:" + address;

    private static string AccountKey(string account) => "u:" + account;

    private bool TryFind(Key key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LinkedListNode<KeyState>? node)
    {
        node = null;
        if (_keys.Count == 0)
        {
            return false;
        }

        var length = key.Name.Length + 2;
        char[]? rented = null;
        var text = length <= 256 ? stackalloc char[length] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(length));
        text[0] = key.Kind;
        text[1] = ':';
        key.Name.CopyTo(text[2..]);
        var found = _lookup.TryGetValue(text[..length], out node);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }

        return found;
    }

    /// <summary>A key as its kind letter ('a' address, 'u' account) and name: "a:" + name without the string.</summary>
    private readonly record struct Key(char Kind, string Name);

    private sealed class KeyState(string key)
    {
        public string Key { get; } = key;

        /// <summary>Failure times, oldest first; never longer than the refuse threshold.</summary>
        public Queue<DateTimeOffset> Failures { get; } = new();

        public DateTimeOffset? BlockedUntil { get; set; }

        public void Prune(DateTimeOffset windowStart)
        {
            while (Failures.Count > 0 && Failures.Peek() <= windowStart)
            {
                Failures.Dequeue();
            }
        }
    }
}
