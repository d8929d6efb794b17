namespace Switchboard.Hosting.Discovery;

/// <summary>
/// The "Consul" section. Registration and Consul discovery happen only when <see cref="Address"/> is set.
/// </summary>
public sealed class ConsulOptions
{
    public const string SectionName = "Consul";

    /// <summary>The local agent, e.g. http://127.0.0.1:8500.</summary>
    public Uri? Address { get; set; }

    /// <summary>Defaults to the application name.</summary>
    public string? ServiceName { get; set; }

    /// <summary>Defaults to "{name}-{host}-{port}".</summary>
    public string? ServiceId { get; set; }

    /// <summary>The address other services reach us at; defaults to the address Kestrel listens on.</summary>
    public string? ServiceAddress { get; set; }

    /// <summary>Defaults to the first port Kestrel listens on.</summary>
    public int ServicePort { get; set; }

    public List<string> Tags { get; set; } = [];

    public Dictionary<string, string> Meta { get; set; } = [];

    public string HealthPath { get; set; } = "/health";

    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan DeregisterCriticalServiceAfter { get; set; } = TimeSpan.FromMinutes(1);
}
