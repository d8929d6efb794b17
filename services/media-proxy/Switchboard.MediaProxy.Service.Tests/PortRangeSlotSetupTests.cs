using Microsoft.Extensions.Options;

namespace Switchboard.MediaProxy.Service.Tests;

public sealed class PortRangeSlotSetupTests
{
    private static MediaRelayOptions Apply(int slots, int slot, int start = 20000, int end = 29999)
    {
        var options = new MediaRelayOptions { PortRangeStart = start, PortRangeEnd = end };
        new PortRangeSlotSetup(Options.Create(new MediaProxyServiceOptions { PortRangeSlots = slots, PortRangeSlot = slot }))
            .PostConfigure(Options.DefaultName, options);
        return options;
    }

    [Theory]
    [InlineData(1, 1, 20000, 29999)]
    [InlineData(3, 1, 20000, 23331)]
    [InlineData(3, 2, 23332, 26663)]
    [InlineData(3, 3, 26664, 29995)]
    public void Each_slot_gets_its_own_even_aligned_slice(int slots, int slot, int start, int end)
    {
        var options = Apply(slots, slot);

        Assert.Equal((start, end), (options.PortRangeStart, options.PortRangeEnd));
        Assert.Equal(0, options.PortRangeStart % 2);
    }

    [Theory]
    [InlineData(3, 0)]
    [InlineData(3, 4)]
    public void Slot_outside_the_slots_is_an_error(int slots, int slot) =>
        Assert.Contains("PortRangeSlot must be 1..3", Assert.Throws<OptionsValidationException>(() => Apply(slots, slot)).Message);

    [Fact]
    public void Range_too_small_for_the_slots_is_an_error() =>
        Assert.Throws<OptionsValidationException>(() => Apply(4, 1, 20000, 20005));

    [Fact]
    public async Task Service_started_with_a_slot_allocates_inside_its_slice()
    {
        await using var host = await MediaProxyTestHost.Start("mp-slot", 31800, settings: new Dictionary<string, string?>
        {
            ["MediaProxy:PortRangeSlots"] = "2",
            ["MediaProxy:PortRangeSlot"] = "2",
        });
        var control = (Contracts.Media.IMediaRelayControl)host.Services.GetService(typeof(Contracts.Media.IMediaRelayControl))!;

        var offer = await control.Offer(new Contracts.Media.MediaOffer("slot-1", "a", TestSdp.Audio(40000), Contracts.Media.MediaNetwork.Wan));

        Assert.InRange(TestSdp.AudioPort(offer.Sdp), 31850, 31899);
    }
}
