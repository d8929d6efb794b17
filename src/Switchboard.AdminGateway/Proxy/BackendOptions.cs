namespace Switchboard.AdminGateway.Proxy;

/// <summary>One service behind the gateway.</summary>
public sealed class BackendOptions
{
    /// <summary>The name the service locator knows (Consul service name); defaults to the backend name.</summary>
    public string? ServiceName { get; set; }

    /// <summary>
    /// Where the service serves its admin API; <c>/api/&lt;name&gt;/rest</c> is forwarded to <c>BackendApiPath/rest</c>.
    /// Defaults to <c>/api/&lt;name&gt;</c> (the path is forwarded unchanged).
    /// </summary>
    public string? BackendApiPath { get; set; }

    public string MetricsPath { get; set; } = "/metrics";

    public string HealthPath { get; set; } = "/health";
}
