namespace Switchboard.Proxy;

/// <summary>The proxy's settings (the manual's SIP proxy switches: Force Relaying, 3xx recursion, trusted networks).</summary>
public sealed class ProxyOptions
{
    /// <summary>The host we write in our Via sent-by and Record-Route URIs (an address or a name that resolves to us).</summary>
    public string AdvertisedHost { get; set; } = "127.0.0.1";

    public int UdpPort { get; set; } = 5060;

    public int TcpPort { get; set; } = 5060;

    public int TlsPort { get; set; } = 5061;

    /// <summary>Other names and addresses that mean "this proxy" in a Route or Request-URI.</summary>
    public IList<string> ServerNames { get; set; } = ["localhost", "127.0.0.1"];

    /// <summary>The manual's "Force Relaying": always Record-Route, so every in-dialog request passes through us.</summary>
    public bool ForceRelaying { get; set; }

    /// <summary>Recurse on the Contacts of 3xx responses instead of relaying the 3xx (RFC 3261 §16.7 step 4).</summary>
    public bool Recurse3xx { get; set; }

    /// <summary>Most targets a response context may add by 3xx recursion (stops redirect loops).</summary>
    public int MaxRedirectTargets { get; set; } = 8;

    /// <summary>
    /// Most servers one next hop is tried at (RFC 3263 §4.3): a branch that fails with a transport error, a timeout
    /// or a 503 is sent again, with a new branch, to the next located server, up to this many in all.
    /// </summary>
    public int MaxServerTargets { get; set; } = 5;

    /// <summary>
    /// Retry-After seconds in the 503 this proxy answers when it cannot start a client transaction itself (the
    /// Client Transactions Limit is reached): its own overload, unlike a downstream 503, which §16.7 turns into 500.
    /// </summary>
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>Timer C (RFC 3261 §16.6 step 11): longer than 3 minutes, reset by every provisional response.</summary>
    public TimeSpan TimerC { get; set; } = TimeSpan.FromSeconds(181);

    /// <summary>Source address ranges (CIDR, e.g. <c>10.0.0.0/8</c>) whose requests are neither challenged nor refused.</summary>
    public IList<string> TrustedNetworks { get; set; } = [];

    /// <summary>Challenge (407) initial requests whose From is a local domain, unless the source is trusted.</summary>
    public bool ChallengeLocalCallers { get; set; } = true;

    /// <summary>An authenticated request's From must name the authenticated account (else 403).</summary>
    public bool RequireFromMatchesAccount { get; set; } = true;

    /// <summary>
    /// User-Agent prefixes of clients that get only the MD5 challenge in a 407 (see <c>Md5OnlyClients</c>). In the
    /// hosts it is set from <c>Signal:Md5OnlyUserAgents</c>, so 401s and 407s follow the same setting.
    /// </summary>
    public IList<string> Md5OnlyUserAgents { get; set; } = ["sipsak", "sipp", "baresip"];

    /// <summary>Option tags this proxy supports in Proxy-Require (anything else is answered 420).</summary>
    public IList<string> SupportedOptionTags { get; set; } = ["path", "outbound"];

    /// <summary>The manual's Media Stream Proxy: LAN ranges and what to do without a relay (<c>Proxy:Media</c>).</summary>
    public Media.ProxyMediaOptions Media { get; set; } = new();

    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(AdvertisedHost);
        ArgumentNullException.ThrowIfNull(ServerNames);
        if (RetryAfterSeconds is < 0 or > 86_400)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryAfterSeconds), RetryAfterSeconds, "Retry-After must be 0..86400 s.");
        }
        ArgumentNullException.ThrowIfNull(TrustedNetworks);
        ArgumentNullException.ThrowIfNull(SupportedOptionTags);
        ArgumentNullException.ThrowIfNull(Md5OnlyUserAgents);
        ArgumentNullException.ThrowIfNull(Media);
        Media.Validate();
        foreach (int port in (ReadOnlySpan<int>)[UdpPort, TcpPort, TlsPort])
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        }

        if (TimerC <= TimeSpan.FromMinutes(3))
        {
            throw new ArgumentOutOfRangeException(nameof(TimerC), TimerC, "RFC 3261 §16.6: Timer C must be greater than 3 minutes.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(MaxRedirectTargets);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxServerTargets);
    }
}
