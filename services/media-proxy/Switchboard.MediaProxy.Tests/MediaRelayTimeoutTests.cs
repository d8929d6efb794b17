using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Switchboard.MediaProxy.Tests;

public sealed class MediaRelayTimeoutTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly MediaRelay _relay;
    private readonly List<MediaSessionTimedOut> _timedOut = [];

    public MediaRelayTimeoutTests()
    {
        _relay = TestRelay.Create(_time, 43000);
        _relay.SessionTimedOut += _timedOut.Add;
    }

    public void Dispose() => _relay.Dispose();

    private void Establish(string callId, int callerPort, int calleePort)
    {
        _relay.Offer(callId, "a", TestSdp.Audio(callerPort), MediaSide.Wan);
        _relay.Answer(callId, "a", "b", TestSdp.Audio(calleePort), MediaSide.Lan);
    }

    [Fact]
    public void Silent_session_is_removed_after_the_media_timeout_and_the_event_is_raised()
    {
        Establish("quiet", 5000, 6000);

        _time.Advance(TimeSpan.FromSeconds(55));
        Assert.Empty(_timedOut);
        _time.Advance(TimeSpan.FromSeconds(10));

        var item = Assert.Single(_timedOut);
        Assert.Equal("quiet", item.CallId);
        Assert.Null(_relay.GetSession("quiet"));
        Assert.Equal(1, _relay.Metrics.SessionsTimedOut);
        Assert.Equal((0, 2), (_relay.Metrics.PortPairsInUse, _relay.Metrics.PortPairsInQuarantine));
    }

    [Fact]
    public void Signalling_counts_as_activity()
    {
        Establish("renewed", 5000, 6000);
        _time.Advance(TimeSpan.FromSeconds(40));

        _relay.Update("renewed", "a", TestSdp.Audio(5000, version: 2), MediaSide.Wan);
        _time.Advance(TimeSpan.FromSeconds(40));

        Assert.Empty(_timedOut);
        Assert.NotNull(_relay.GetSession("renewed"));
    }

    [Fact]
    public async Task Relayed_media_keeps_the_session_alive()
    {
        using var caller = new UdpPeer();
        using var callee = new UdpPeer();
        Establish("talking", caller.Port, callee.Port);
        var callerSendsTo = _relay.GetSession("talking")!.Streams[0].CallerPort;

        for (var round = 0; round < 3; round++)
        {
            _time.Advance(TimeSpan.FromSeconds(40));
            caller.SendRtp((ushort)round, callerSendsTo);
            Assert.Equal((ushort)round, await callee.ReceiveAsync());
        }

        Assert.Empty(_timedOut);
        Assert.NotNull(_relay.GetSession("talking"));
        _time.Advance(TimeSpan.FromSeconds(65));
        Assert.Equal("talking", Assert.Single(_timedOut).CallId);
    }

    [Fact]
    public void A_throwing_subscriber_does_not_stop_the_sweep()
    {
        _relay.SessionTimedOut += _ => throw new InvalidOperationException("subscriber bug");
        Establish("first", 5000, 6000);
        _time.Advance(TimeSpan.FromSeconds(65));
        Establish("second", 5002, 6002);

        _time.Advance(TimeSpan.FromSeconds(65));

        Assert.Equal(["first", "second"], _timedOut.Select(t => t.CallId));
    }
}
