using Microsoft.Extensions.Options;

namespace Switchboard.MediaProxy.Service;

/// <summary>
/// Narrows the relay's port range to this replica's slice, so replicas that share one configuration (and one host's
/// published ports) differ by a single number. Slices are even-aligned: RTP takes even ports, RTCP the next odd one.
/// </summary>
internal sealed class PortRangeSlotSetup(IOptions<MediaProxyServiceOptions> service) : IPostConfigureOptions<MediaRelayOptions>
{
    public void PostConfigure(string? name, MediaRelayOptions options)
    {
        var (slots, slot) = (service.Value.PortRangeSlots, service.Value.PortRangeSlot);
        if (slots <= 1)
            return;
        if (slot < 1 || slot > slots)
            throw new OptionsValidationException(name ?? "", typeof(MediaRelayOptions),
                [$"MediaProxy:PortRangeSlot must be 1..{slots} (got {slot})"]);
        var size = (options.PortRangeEnd - options.PortRangeStart + 1) / slots & ~1;
        if (size < 2)
            throw new OptionsValidationException(name ?? "", typeof(MediaRelayOptions),
                [$"MediaProxy: {options.PortRangeStart}-{options.PortRangeEnd} is too small for {slots} slots"]);
        options.PortRangeStart += (slot - 1) * size;
        options.PortRangeEnd = options.PortRangeStart + size - 1;
    }
}
