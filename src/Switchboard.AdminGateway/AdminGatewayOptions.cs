using Switchboard.AdminGateway.Proxy;

namespace Switchboard.AdminGateway;

/// <summary>The "AdminGateway" section: which services sit behind the proxy and how often their instances are looked up.</summary>
public sealed class AdminGatewayOptions
{
    public const string SectionName = "AdminGateway";

    /// <summary>Paths under /api that the gateway serves itself; no backend may take them.</summary>
    public static IReadOnlyList<string> ReservedNames { get; } = ["log", "settings", "services"];

    /// <summary>How often backend instances are asked from the service locator (Consul or static configuration).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the service list waits for one instance's /health.</summary>
    public TimeSpan HealthTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Backend name (the path segment in <c>/api/&lt;name&gt;/…</c> and <c>/metrics/&lt;name&gt;</c>) to its settings.
    /// </summary>
    public Dictionary<string, BackendOptions> Backends { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
