using System.Text.Json.Serialization;

namespace Switchboard.Hosting.Discovery;

/// <summary>The body of Consul's <c>PUT /v1/agent/service/register</c> (field names as Consul spells them).</summary>
public sealed record ConsulServiceRegistration(
    [property: JsonPropertyName("ID")] string Id,
    [property: JsonPropertyName("Name")] string Name,
    [property: JsonPropertyName("Address")] string Address,
    [property: JsonPropertyName("Port")] int Port,
    [property: JsonPropertyName("Tags")] IReadOnlyList<string> Tags,
    [property: JsonPropertyName("Meta")] IReadOnlyDictionary<string, string> Meta,
    [property: JsonPropertyName("Check")] ConsulHttpCheck? Check);

/// <summary>An HTTP health check Consul runs against the service.</summary>
/// <param name="Interval">Consul duration syntax, e.g. "10s".</param>
public sealed record ConsulHttpCheck(
    [property: JsonPropertyName("HTTP")] string Http,
    [property: JsonPropertyName("Interval")] string Interval,
    [property: JsonPropertyName("DeregisterCriticalServiceAfter")] string DeregisterCriticalServiceAfter);
