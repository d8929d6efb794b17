using Switchboard.Contracts.Media;
using ContractEvent = Switchboard.Contracts.Events.MediaSessionTimedOut;

namespace Switchboard.MediaProxy.Service.Tests;

public sealed class MediaTimeoutEventTests
{
    [Fact]
    public async Task Silent_session_is_published_as_MediaSessionTimedOut()
    {
        var publisher = new RecordingEventPublisher();
        await using var host = await MediaProxyTestHost.Start("mp-timeout", 31500, publisher, settings: new Dictionary<string, string?>
        {
            ["MediaProxy:MediaTimeout"] = "00:00:00.300",
            ["MediaProxy:TimeoutSweepInterval"] = "00:00:00.100",
        });
        var control = (IMediaRelayControl)host.Services.GetService(typeof(IMediaRelayControl))!;

        var offer = await control.Offer(new MediaOffer("quiet-1", "a", TestSdp.Audio(40000), MediaNetwork.Wan));
        Assert.Equal(MediaControlStatus.Relayed, offer.Status);
        for (var i = 0; i < 50 && publisher.Events.IsEmpty; i++)
            await Task.Delay(100);

        var published = Assert.IsType<ContractEvent>(Assert.Single(publisher.Events));
        Assert.Equal(("quiet-1", "mp-timeout/quiet-1"), (published.CallId, published.SessionId));
        Assert.Equal(MediaControlStatus.SessionNotFound,
            (await control.Answer(new MediaAnswer("quiet-1", "a", "b", TestSdp.Audio(40002), MediaNetwork.Lan))).Status);
    }
}
