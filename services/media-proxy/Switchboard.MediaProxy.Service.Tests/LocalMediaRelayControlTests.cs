using Microsoft.Extensions.Options;
using Switchboard.Contracts.Media;

namespace Switchboard.MediaProxy.Service.Tests;

/// <summary>The in-process adapter (all-in-one host) over a real relay with distinct LAN/WAN addresses.</summary>
public sealed class LocalMediaRelayControlTests : IDisposable
{
    private readonly MediaRelay _relay = new(Options.Create(new MediaRelayOptions
    {
        PortRangeStart = 31600, PortRangeEnd = 31699, BindAddress = "127.0.0.1",
        LanAddress = "10.1.2.3", WanAddress = "192.0.2.10",
    }), TimeProvider.System);
    private readonly LocalMediaRelayControl _control;

    public LocalMediaRelayControlTests() =>
        _control = new LocalMediaRelayControl(_relay, Options.Create(new MediaProxyServiceOptions { InstanceId = "mp-local" }));

    public void Dispose() => _relay.Dispose();

    [Fact]
    public async Task Towards_picks_the_advertised_address()
    {
        var offer = await _control.Offer(new MediaOffer("local-1", "a", TestSdp.Audio(40000), MediaNetwork.Wan));
        var answer = await _control.Answer(new MediaAnswer("local-1", "a", "b", TestSdp.Audio(40002, "bob", "10.9.9.9"), MediaNetwork.Lan));

        Assert.Equal(("192.0.2.10", "10.1.2.3"), (TestSdp.Connection(offer.Sdp), TestSdp.Connection(answer.Sdp)));
        Assert.Equal(("mp-local", 0), (offer.InstanceId, offer.SipStatusCode));
    }

    [Fact]
    public async Task Delete_with_a_foreign_tag_keeps_the_session()
    {
        await _control.Offer(new MediaOffer("local-2", "a", TestSdp.Audio(40000), MediaNetwork.Wan));

        Assert.Equal(new MediaDeleteResult(false, "mp-local"), await _control.Delete(new MediaDelete("local-2", "zzz")));
        Assert.Equal(new MediaDeleteResult(true, "mp-local"), await _control.Delete(new MediaDelete("local-2", "a")));
        Assert.Null(_relay.GetSession("local-2"));
    }

    [Fact]
    public async Task Unknown_leg_is_481_leg_not_found()
    {
        await _control.Offer(new MediaOffer("local-3", "a", TestSdp.Audio(40000), MediaNetwork.Wan));

        var result = await _control.Update(new MediaOffer("local-3", "stranger", TestSdp.Audio(40004), MediaNetwork.Lan));

        Assert.Equal((MediaControlStatus.LegNotFound, 481), (result.Status, result.SipStatusCode));
    }
}
