using Microsoft.Extensions.Time.Testing;
using Switchboard.Auth.BruteForce;

namespace Switchboard.Auth.Tests.BruteForce;

public class BruteForceLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));

    private BruteForceLimiter Create(int capacity = 1000) => new(
        new BruteForceOptions
        {
            Window = TimeSpan.FromMinutes(1),
            DelayThreshold = 3,
            DelayStep = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromSeconds(4),
            RefuseThreshold = 6,
            CoolDown = TimeSpan.FromMinutes(10),
            Capacity = capacity,
        },
        _time);

    private static void Fail(BruteForceLimiter limiter, string address, string? account, int times)
    {
        for (var i = 0; i < times; i++)
        {
            limiter.RecordFailure(address, account);
        }
    }

    [Fact]
    public void Below_the_delay_threshold_requests_pass()
    {
        var limiter = Create();
        Fail(limiter, "192.0.2.1", "alice", 2);

        Assert.Equal(LimitVerdict.Allow, limiter.Check("192.0.2.1", "alice"));
        Assert.Equal(0, limiter.RequestsDelayed);
    }

    [Fact]
    public void Delay_grows_with_failures_up_to_the_cap()
    {
        var limiter = Create();
        Fail(limiter, "192.0.2.1", null, 3);
        Assert.Equal(new LimitVerdict(LimitAction.Delay, TimeSpan.FromSeconds(1)), limiter.Check("192.0.2.1", null));

        Fail(limiter, "192.0.2.1", null, 2);
        Assert.Equal(new LimitVerdict(LimitAction.Delay, TimeSpan.FromSeconds(3)), limiter.Check("192.0.2.1", null));
        Assert.Equal(2, limiter.RequestsDelayed);

        var capped = new BruteForceLimiter(new BruteForceOptions { DelayThreshold = 1, DelayStep = TimeSpan.FromSeconds(5), MaxDelay = TimeSpan.FromSeconds(7) }, _time);
        Fail(capped, "x", null, 3);
        Assert.Equal(TimeSpan.FromSeconds(7), capped.Check("x", null).Delay);
    }

    [Fact]
    public void At_the_refuse_threshold_the_key_is_refused_for_the_cool_down()
    {
        var limiter = Create();
        var events = new List<LimiterKeyBlocked>();
        limiter.Blocked += events.Add;

        Fail(limiter, "192.0.2.1", "alice", 6);

        Assert.Equal(LimitVerdict.Refuse, limiter.Check("192.0.2.1", null));
        Assert.Equal(LimitVerdict.Refuse, limiter.Check("198.51.100.7", "alice"));
        Assert.Equal(2, limiter.RequestsRefused);
        Assert.Equal(6, limiter.FailuresRecorded);
        Assert.Equal(["address", "account"], events.Select(e => e.Kind));
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromMinutes(10), events[0].Until);

        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(LimitVerdict.Refuse, limiter.Check("192.0.2.1", null));
        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(LimitVerdict.Allow, limiter.Check("192.0.2.1", null));
    }

    [Fact]
    public void Failures_leave_the_sliding_window()
    {
        var limiter = Create();
        Fail(limiter, "192.0.2.1", null, 3);
        _time.Advance(TimeSpan.FromSeconds(40));
        Fail(limiter, "192.0.2.1", null, 2);
        Assert.Equal(LimitAction.Delay, limiter.Check("192.0.2.1", null).Action);

        _time.Advance(TimeSpan.FromSeconds(21)); // the first three are now older than the one-minute window

        Assert.Equal(LimitVerdict.Allow, limiter.Check("192.0.2.1", null));
    }

    [Fact]
    public void Account_is_limited_across_many_addresses()
    {
        var limiter = Create();
        for (var i = 0; i < 6; i++)
        {
            limiter.RecordFailure($"203.0.113.{i}", "bob");
        }

        Assert.Equal(LimitVerdict.Allow, limiter.Check("203.0.113.200", "carol"));
        Assert.Equal(LimitVerdict.Refuse, limiter.Check("203.0.113.200", "bob"));
    }

    [Fact]
    public void Success_clears_the_account_but_not_the_address()
    {
        var limiter = Create();
        Fail(limiter, "192.0.2.1", "alice", 4);

        limiter.RecordSuccess("alice");

        Assert.Equal(LimitVerdict.Allow, limiter.Check("198.51.100.1", "alice"));
        Assert.Equal(LimitAction.Delay, limiter.Check("192.0.2.1", null).Action);
    }

    [Fact]
    public void Memory_is_bounded_and_least_recent_key_evicted()
    {
        var limiter = Create(capacity: 4);
        Fail(limiter, "10.0.0.1", null, 3);
        for (var i = 2; i <= 5; i++)
        {
            limiter.RecordFailure($"10.0.0.{i}", null);
        }

        Assert.Equal(4, limiter.TrackedKeys);
        Assert.Equal(1, limiter.Evictions);
        Assert.Equal(LimitVerdict.Allow, limiter.Check("10.0.0.1", null));
    }

    [Fact]
    public void Touching_a_key_protects_it_from_eviction()
    {
        var limiter = Create(capacity: 2);
        Fail(limiter, "10.0.0.1", null, 3);
        limiter.RecordFailure("10.0.0.2", null);
        limiter.RecordFailure("10.0.0.1", null); // most recent again
        limiter.RecordFailure("10.0.0.3", null); // evicts 10.0.0.2

        Assert.Equal(LimitAction.Delay, limiter.Check("10.0.0.1", null).Action);
        Assert.Equal(2, limiter.TrackedKeys);
    }
}
