namespace Switchboard.Signal;

/// <summary>The SIP server core's settings (the manual's SIP Server page, authentication switches included).</summary>
public sealed class SignalOptions
{
    /// <summary>Host names and IP addresses that mean "this server" in a Request-URI (the edge's local addresses count too).</summary>
    public IList<string> ServerNames { get; set; } = ["localhost", "127.0.0.1"];

    /// <summary>Challenge REGISTER with Digest; off only for benchmarks and the RFC 4475 "registrar that does not authenticate".</summary>
    public bool RequireAuthentication { get; set; } = true;

    /// <summary>The manual's "Advertise Digest AUTH": offer Digest (SHA-256, then MD5) in 401 challenges.</summary>
    public bool AdvertiseDigest { get; set; } = true;

    /// <summary>The manual's "Advertise NTLM AUTH".</summary>
    public bool AdvertiseNtlm { get; set; }

    /// <summary>The server's FQDN as NTLM clients know it (MS-SIPAE targetname; signatures cover it).</summary>
    public string NtlmTargetName { get; set; } = "localhost";

    /// <summary>Realm of REGISTER challenges: null means the To domain (accounts keep one HA1 per domain).</summary>
    public string? FixedRealm { get; set; }

    /// <summary>Option tags we support: listed in Supported, accepted in Require/Proxy-Require.</summary>
    public IList<string> SupportedOptionTags { get; set; } = ["path", "outbound"];

    /// <summary>Retry-After seconds in the 503 sent when the server transaction Limit is reached.</summary>
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>
    /// The manual's "SIP Clients Support": User-Agent prefixes of clients that know only MD5 and fail on a SHA-256
    /// challenge instead of using the topmost one they support (RFC 8760 §2.4): sipsak 0.9 and SIPp 3.6 answer only
    /// the first challenge; baresip 1.0 (libre) gives up when any challenge is unsupported. They get MD5 only.
    /// </summary>
    public IList<string> Md5OnlyUserAgents { get; set; } = ["sipsak", "sipp", "baresip"];

    /// <summary>The product token of the Server header (the version is appended).</summary>
    public string ProductName { get; set; } = "Switchboard";

    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(ServerNames);
        ArgumentNullException.ThrowIfNull(SupportedOptionTags);
        if (RetryAfterSeconds is < 0 or > 86_400)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryAfterSeconds), RetryAfterSeconds, "Retry-After must be 0..86400 s.");
        }
    }
}
