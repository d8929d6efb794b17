using Microsoft.Extensions.Options;
using Switchboard.AdminGateway.Proxy;

namespace Switchboard.AdminGateway.Health;

public static class ServiceHealthEndpoints
{
    public const string ServicesPath = "/api/services";
    public const string ClientName = "admin-health";

    /// <summary>
    /// <c>GET /api/services</c>: every instance the proxy forwards to, with the answer of its /health (asked in
    /// parallel, each bounded by <c>AdminGateway:HealthTimeout</c>). A backend with no instance is listed as Missing.
    /// </summary>
    public static IEndpointRouteBuilder MapServiceHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(ServicesPath, async (LocatorProxyConfigProvider proxy, IHttpClientFactory clients,
            IOptions<AdminGatewayOptions> options, CancellationToken cancellationToken) =>
        {
            var http = clients.CreateClient(ClientName);
            var instances = proxy.Instances;
            var checks = proxy.Backends.OrderBy(b => b.Key, StringComparer.Ordinal).SelectMany(backend =>
                instances.TryGetValue(backend.Key, out var found) && found.Count > 0
                    ? found.Select(e => Check(http, backend.Key, e.Id, e.ToUri(), backend.Value.HealthPath, options.Value.HealthTimeout, cancellationToken))
                    : [Task.FromResult(new InstanceHealth(backend.Key, "", "", "Missing", "no instance known"))]);
            return Results.Ok(await Task.WhenAll(checks));
        });
        return app;
    }

    private static async Task<InstanceHealth> Check(HttpClient http, string service, string id, Uri address,
        string healthPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.GetAsync(new Uri(address, healthPath), deadline.Token);
            var status = response.IsSuccessStatusCode ? "Healthy" : "Unhealthy";
            return new InstanceHealth(service, id, address.ToString(), status, $"{(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new InstanceHealth(service, id, address.ToString(), "Unreachable", ex.Message);
        }
    }
}
