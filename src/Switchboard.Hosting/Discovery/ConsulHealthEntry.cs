using System.Text.Json.Serialization;

namespace Switchboard.Hosting.Discovery;

// The parts of a GET /v1/health/service/{name} entry we read; Consul sends many more fields.
internal sealed record ConsulHealthEntry(
    [property: JsonPropertyName("Node")] ConsulHealthNode? Node,
    [property: JsonPropertyName("Service")] ConsulHealthService? Service);

internal sealed record ConsulHealthNode([property: JsonPropertyName("Address")] string? Address);

internal sealed record ConsulHealthService(
    [property: JsonPropertyName("ID")] string? Id,
    [property: JsonPropertyName("Address")] string? Address,
    [property: JsonPropertyName("Port")] int Port,
    [property: JsonPropertyName("Meta")] Dictionary<string, string>? Meta);
