namespace Switchboard.MediaProxy;

/// <summary>Settings of the media relay. Addresses are strings so they bind from configuration.</summary>
public sealed class MediaRelayOptions
{
    /// <summary>First port of the relay range; rounded up to even (RTP takes even ports, RTCP the next odd one).</summary>
    public int PortRangeStart { get; set; } = 20000;
    /// <summary>Last port of the range (inclusive).</summary>
    public int PortRangeEnd { get; set; } = 29999;
    /// <summary>Address the relay sockets bind to; "0.0.0.0" serves both networks of a two-homed relay.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";
    /// <summary>Relay address advertised in SDP sent towards the LAN.</summary>
    public string LanAddress { get; set; } = "127.0.0.1";
    /// <summary>Relay address advertised in SDP sent towards the WAN (the public/NAT address).</summary>
    public string WanAddress { get; set; } = "127.0.0.1";
    /// <summary>A session with neither media nor signalling for this long is removed ("abandoned" proxies).</summary>
    public TimeSpan MediaTimeout { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>How often sessions are checked for the media timeout.</summary>
    public TimeSpan TimeoutSweepInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Quarantine of freed ports, so stray packets of an ended call never reach a new one.</summary>
    public TimeSpan PortReleaseDelay { get; set; } = TimeSpan.FromSeconds(30);
    public PortsExhaustedAction OnPortsExhausted { get; set; } = PortsExhaustedAction.PassThrough;
    /// <summary>How packets are moved; <see cref="MediaRelayEngine.Epoll"/> is Linux only.</summary>
    public MediaRelayEngine Engine { get; set; } = OperatingSystem.IsLinux() ? MediaRelayEngine.Epoll : MediaRelayEngine.Async;
    /// <summary>Epoll engine: loop threads, each serving its share of the streams (1 = one core).</summary>
    public int RelayThreads { get; set; } = 1;
    /// <summary>
    /// Relay IPv4 streams inside the kernel once both legs have sent (latched): the first packets and everything
    /// unusual (strangers, IPv6, IP options, fragments) still pass through user space.
    /// </summary>
    public KernelForwardingMode KernelForwarding { get; set; } = KernelForwardingMode.Off;
    /// <summary>Interfaces whose ingress gets the forwarding program; empty = every interface that is up.</summary>
    public string[] KernelInterfaces { get; set; } = [];
}
