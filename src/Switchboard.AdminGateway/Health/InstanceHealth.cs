namespace Switchboard.AdminGateway.Health;

/// <summary>One instance in <c>GET /api/services</c>. Status: Healthy, Unhealthy (an error status) or Unreachable.</summary>
public sealed record InstanceHealth(string Service, string Instance, string Address, string Status, string? Detail);
