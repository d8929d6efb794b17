using System.Net.Http.Json;
using System.Text.Json;

namespace Switchboard.Hosting.Discovery;

/// <summary>
/// The few Consul agent/health HTTP API calls we need (no Consul NuGet package is available to us).
/// The <see cref="HttpClient"/> must have <see cref="HttpClient.BaseAddress"/> set to the agent, e.g. http://127.0.0.1:8500/.
/// </summary>
public sealed class ConsulClient(HttpClient http)
{
    public async Task Register(ConsulServiceRegistration registration, CancellationToken cancellationToken = default)
    {
        using var response = await http.PutAsJsonAsync("v1/agent/service/register", registration, cancellationToken);
        await EnsureSuccess(response, $"register {registration.Id}", cancellationToken);
    }

    public async Task Deregister(string serviceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        using var response = await http.PutAsync($"v1/agent/service/deregister/{Uri.EscapeDataString(serviceId)}", content: null, cancellationToken);
        await EnsureSuccess(response, $"deregister {serviceId}", cancellationToken);
    }

    /// <summary>Instances of <paramref name="serviceName"/> whose checks all pass.</summary>
    public async Task<IReadOnlyList<ServiceEndpoint>> GetHealthy(string serviceName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        using var response = await http.GetAsync($"v1/health/service/{Uri.EscapeDataString(serviceName)}?passing=true", cancellationToken);
        await EnsureSuccess(response, $"health of {serviceName}", cancellationToken);
        ConsulHealthEntry[]? entries;
        try
        {
            entries = await response.Content.ReadFromJsonAsync<ConsulHealthEntry[]>(cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new ConsulException($"Consul health of {serviceName}: unreadable body ({ex.Message})", response.StatusCode, ex);
        }

        return (entries ?? []).Select(ToEndpoint).OfType<ServiceEndpoint>().ToArray();
    }

    // An empty Service.Address means "the node's address" in Consul's model.
    private static ServiceEndpoint? ToEndpoint(ConsulHealthEntry entry)
    {
        if (entry.Service is not { } service)
        {
            return null;
        }

        var host = string.IsNullOrEmpty(service.Address) ? entry.Node?.Address : service.Address;
        if (string.IsNullOrEmpty(host) || service.Port is <= 0 or > 65535)
        {
            return null;
        }

        return new ServiceEndpoint(service.Id ?? $"{host}:{service.Port}", host, service.Port,
            service.Meta ?? new Dictionary<string, string>());
    }

    private static async Task EnsureSuccess(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new ConsulException($"Consul {what}: {(int)response.StatusCode} {response.ReasonPhrase} {body}".TrimEnd(), response.StatusCode);
    }
}
