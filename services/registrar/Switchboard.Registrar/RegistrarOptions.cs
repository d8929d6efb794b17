namespace Switchboard.Registrar;

/// <summary>Registrar settings. Names follow the CommuniGate Pro SIP module where it has one.</summary>
public sealed class RegistrarOptions
{
    /// <summary>The manual's "Minimal Registration": shorter non-zero expiries get 423 with Min-Expires.</summary>
    public TimeSpan MinimalRegistration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Longer expiries are clamped to this (not refused). 3600 s: a day-long binding outlives NAT
    /// mappings and stale devices; an hour is what most UAs ask for anyway.</summary>
    public TimeSpan MaximumRegistration { get; set; } = TimeSpan.FromSeconds(3600);

    /// <summary>Used when neither the Contact expires param nor the Expires header is present.</summary>
    public TimeSpan DefaultExpires { get; set; } = TimeSpan.FromSeconds(3600);

    /// <summary>0 means no limit.</summary>
    public int MaxContactsPerAor { get; set; } = 10;

    public ContactLimitPolicy ContactLimitPolicy { get; set; } = ContactLimitPolicy.DropOldest;

    /// <summary>RFC 3327 lets a registrar refuse Path from a UA that did not say Supported: path
    /// (Kamailio's "strict" path mode). Off by default: Path is stored, echoed only when supported.</summary>
    public bool RejectPathWithoutSupport { get; set; }

    /// <summary>How often the expiry sweeper looks at the due buckets.</summary>
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    public LocationPersistenceOptions Persistence { get; set; } = new();
}
