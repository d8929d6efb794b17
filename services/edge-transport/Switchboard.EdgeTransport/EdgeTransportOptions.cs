namespace Switchboard.EdgeTransport;

/// <summary>
/// The edge's settings, named after the CommuniGate Pro SIP module's Transport panel (UDP listener, Request Size
/// Limit for LAN and WAN, TCP listener, Input Channels, Idle Timeout) and its "LAN IPs" page.
/// </summary>
public sealed class EdgeTransportOptions
{
    public const string Section = "EdgeTransport";

    /// <summary>Identifies this edge instance in flows, so answers come back through the same edge.</summary>
    public string EdgeId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>UDP listener addresses ("address:port"; IPv6 in brackets). Default: all IPv4 and IPv6 on 5060.</summary>
    public List<string> Udp { get; set; } = [];

    /// <summary>Clear-text TCP listener addresses. Default: all on 5060.</summary>
    public List<string> Tcp { get; set; } = [];

    /// <summary>TLS listener addresses. Default: all on 5061 when a certificate is configured.</summary>
    public List<string> Tls { get; set; } = [];

    /// <summary>Used when the lists above are empty (all three), so one switch can turn listeners off in tests.</summary>
    public bool UseDefaultListeners { get; set; } = true;

    /// <summary>TLS certificate: a PFX file, or a PEM certificate with <see cref="TlsKeyPath"/>.</summary>
    public string? TlsCertificatePath { get; set; }

    public string? TlsKeyPath { get; set; }

    public string? TlsCertificatePassword { get; set; }

    /// <summary>The manual's UDP "Request Size Limit" within the LAN: larger requests go over TCP.</summary>
    public int UdpRequestSizeLimitLan { get; set; } = 4096;

    /// <summary>The manual's UDP "Request Size Limit" outside the LAN; RFC 3261 §18.1.1 says 1300 bytes.</summary>
    public int UdpRequestSizeLimitWan { get; set; } = 1300;

    /// <summary>The manual's TCP "Input Channels": over the limit new incoming connections are refused.</summary>
    public int TcpInputChannels { get; set; } = 1024;

    /// <summary>The manual's TCP "Idle Timeout": a connection with no traffic for this long is closed.</summary>
    public TimeSpan TcpIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The manual's "LAN IPs": address ranges (CIDR) considered inside the LAN. Default: private ranges.</summary>
    public List<string> LanAddresses { get; set; } = [];

    /// <summary>Concurrent receive loops per UDP socket (the transport's share of the manual's "Processors").</summary>
    public int UdpReceiveLoops { get; set; } = 2;

    /// <summary>
    /// UDP receivers are dedicated threads blocked in recvfrom (true) or async loops on the thread pool (false).
    /// Threads save a readiness wake-up and a thread-pool hop per datagram.
    /// </summary>
    public bool UdpReceiveThreads { get; set; } = true;

    /// <summary>Socket receive buffer for UDP listeners, so bursts are not dropped by the kernel.</summary>
    public int UdpSocketBufferBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Maximum time to establish an outgoing TCP/TLS connection.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
