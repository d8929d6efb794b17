namespace Switchboard.MediaProxy.Service;

/// <summary>
/// Process-level settings from the <c>MediaProxy</c> section (the relay's own settings, <see cref="MediaRelayOptions"/>,
/// bind from the same section).
/// </summary>
public sealed class MediaProxyServiceOptions
{
    public const string SectionName = "MediaProxy";

    /// <summary>Names this instance in results, events and the sessions list; defaults to the host name.</summary>
    public string? InstanceId { get; set; }

    /// <summary>
    /// Splits <c>PortRangeStart..PortRangeEnd</c> into this many equal slices, one per replica; 1 = no split.
    /// </summary>
    public int PortRangeSlots { get; set; } = 1;

    /// <summary>This replica's slice, 1-based (Swarm: <c>{{.Task.Slot}}</c>); used when <see cref="PortRangeSlots"/> &gt; 1.</summary>
    public int PortRangeSlot { get; set; } = 1;

    public string ResolvedInstanceId => string.IsNullOrWhiteSpace(InstanceId) ? Environment.MachineName : InstanceId;
}
