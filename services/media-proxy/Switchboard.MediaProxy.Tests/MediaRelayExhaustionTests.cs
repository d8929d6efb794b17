using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Switchboard.MediaProxy.Tests;

public sealed class MediaRelayExhaustionTests
{
    private readonly FakeTimeProvider _time = new();

    [Theory]
    [InlineData(PortsExhaustedAction.PassThrough, MediaRelayStatus.PassedThrough, 0)]
    [InlineData(PortsExhaustedAction.Reject488, MediaRelayStatus.PortsExhausted, 488)]
    [InlineData(PortsExhaustedAction.Reject500, MediaRelayStatus.PortsExhausted, 500)]
    public void Offer_without_free_ports_follows_the_options(PortsExhaustedAction action, MediaRelayStatus status, int sipStatus)
    {
        // Three pairs: a stream takes two, so the second call finds only one.
        using var relay = TestRelay.Create(_time, 41200 + 10 * (int)action, pairs: 3, o => o.OnPortsExhausted = action);
        Assert.Equal(MediaRelayStatus.Relayed, relay.Offer("first", "a", TestSdp.Audio(5000), MediaSide.Wan).Status);
        var sdp = TestSdp.Audio(5002);

        var result = relay.Offer("second", "a", sdp, MediaSide.Wan);

        Assert.Equal((status, sipStatus), (result.Status, result.SipStatusCode));
        if (status == MediaRelayStatus.PassedThrough)
            Assert.Equal(sdp, result.Sdp.ToArray());
        Assert.Null(relay.GetSession("second"));
        Assert.Equal(1, relay.Metrics.AllocationFailures);
        Assert.Equal(2, relay.Metrics.PortPairsInUse); // the half-allocated pair went back
    }

    [Fact]
    public void Ports_come_back_after_the_release_delay()
    {
        using var relay = TestRelay.Create(_time, 41300, pairs: 2);
        relay.Offer("first", "a", TestSdp.Audio(5000), MediaSide.Wan);
        relay.Delete("first");

        Assert.Equal(MediaRelayStatus.PassedThrough, relay.Offer("second", "a", TestSdp.Audio(5000), MediaSide.Wan).Status);
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(MediaRelayStatus.Relayed, relay.Offer("third", "a", TestSdp.Audio(5000), MediaSide.Wan).Status);
    }
}
