namespace Switchboard.GatewayRegistrar.Registration;

/// <summary>The "GatewayRegistrar" section: timing of the REGISTER loops and of the lease that keeps one loop per gateway.</summary>
public sealed class GatewayRegistrarOptions
{
    public const string SectionName = "GatewayRegistrar";

    /// <summary>host[:port] of this server as the gateway sees it; the default Contact is <c>sip:user@PublicAddress</c>.</summary>
    public string? PublicAddress { get; set; }

    /// <summary>The lease owner id; null = host name, process id and a random suffix (unique per process).</summary>
    public string? InstanceId { get; set; }

    /// <summary>Refresh when this fraction of the granted expiry has passed…</summary>
    public double RefreshFraction { get; set; } = 0.8;

    /// <summary>…but at least this long before the binding expires (short expiries).</summary>
    public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Back-off after the first failure; doubles per failure, with jitter, up to <see cref="RetryMax"/>.</summary>
    public TimeSpan RetryMin { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan RetryMax { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a lease lasts unless renewed; a dead holder's gateways move after at most this long.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the supervisor reads the gateway table and renews leases (well under <see cref="LeaseDuration"/>).</summary>
    public TimeSpan SupervisorInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an unregister (Expires: 0) on shutdown or removal may take.</summary>
    public TimeSpan UnregisterTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public string UserAgent { get; set; } = "Switchboard";
}
