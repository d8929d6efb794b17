using Microsoft.Extensions.Time.Testing;
using Switchboard.Hosting.Streaming;

namespace Switchboard.Hosting.Tests;

public sealed class FramePacerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(2);

    [Fact]
    public void The_first_frame_goes_at_once()
    {
        var pacer = new FramePacer(Interval, new FakeTimeProvider());

        Assert.True(pacer.WaitAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public void A_frame_right_after_another_waits_for_the_rest_of_the_interval()
    {
        var time = new FakeTimeProvider();
        var pacer = new FramePacer(Interval, time);
        pacer.FrameSent();
        time.Advance(TimeSpan.FromMilliseconds(0.5));

        var wait = pacer.WaitAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var beforeInterval = wait.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.False(beforeInterval);
        Assert.True(wait.IsCompleted);
    }

    [Fact]
    public void A_frame_after_a_quiet_interval_goes_at_once()
    {
        var time = new FakeTimeProvider();
        var pacer = new FramePacer(Interval, time);
        pacer.FrameSent();
        time.Advance(Interval);

        Assert.True(pacer.WaitAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public void A_zero_interval_never_waits()
    {
        var time = new FakeTimeProvider();
        var pacer = new FramePacer(TimeSpan.Zero, time);
        pacer.FrameSent();

        Assert.True(pacer.WaitAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task A_wait_ends_when_cancelled()
    {
        var time = new FakeTimeProvider();
        var pacer = new FramePacer(Interval, time);
        pacer.FrameSent();
        using var stop = new CancellationTokenSource();

        var wait = pacer.WaitAsync(stop.Token);
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }

    [Fact]
    public void A_negative_interval_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FramePacer(TimeSpan.FromMilliseconds(-1), TimeProvider.System));
}
