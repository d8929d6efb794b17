using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.AdminGateway.Health;
using Switchboard.Hosting.Discovery;

namespace Switchboard.AdminGateway.Tests;

public sealed class ReverseProxyTests
{
    private static async Task<string?> TryGet(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : null;
    }

    private static async Task<string?> GetWhenRouted(HttpClient client, string path, string expectedPrefix)
    {
        string? body = null;
        await Eventually.True(async () => (body = await TryGet(client, path))?.StartsWith(expectedPrefix, StringComparison.Ordinal) == true);
        return body;
    }

    [Fact]
    public async Task An_api_path_is_forwarded_unchanged_to_the_static_endpoint_with_its_query()
    {
        await using var router = await TinyBackend.Start("router");
        await using var gateway = await GatewayHost.Start(new()
        {
            ["AdminGateway:Backends:router:ServiceName"] = "router",
            ["Services:router:Endpoints:0"] = router.Address.ToString(),
        });

        var body = await GetWhenRouted(gateway.Client, "/api/router/domains?x=1", "router");

        Assert.Equal("router GET /api/router/domains?x=1", body);
    }

    [Fact]
    public async Task A_backend_api_path_rewrites_the_prefix_and_metrics_go_to_the_backends_metrics()
    {
        await using var media = await TinyBackend.Start("media");
        await using var gateway = await GatewayHost.Start(new()
        {
            ["AdminGateway:Backends:media-proxy:BackendApiPath"] = "/api/media",
            ["Services:media-proxy:Endpoints:0"] = media.Address.ToString(),
        });

        var sessions = await GetWhenRouted(gateway.Client, "/api/media-proxy/sessions/abc", "media");
        var metrics = await TryGet(gateway.Client, "/metrics/media-proxy");

        Assert.Equal("media GET /api/media/sessions/abc", sessions);
        Assert.Equal("media GET /metrics", metrics);
    }

    [Fact]
    public async Task Destinations_follow_the_locator_and_a_failed_lookup_keeps_the_last_ones()
    {
        await using var first = await TinyBackend.Start("first");
        await using var second = await TinyBackend.Start("second");
        var locator = new RecordingServiceLocator();
        locator.Set("registrar", first.Address);
        await using var gateway = await GatewayHost.Start(
            new() { ["AdminGateway:Backends:registrar:ServiceName"] = "registrar" },
            services => services.AddSingleton<IServiceLocator>(locator));

        var before = await GetWhenRouted(gateway.Client, "/api/registrar/x", "first");
        locator.Set("registrar", second.Address);
        var after = await GetWhenRouted(gateway.Client, "/api/registrar/x", "second");
        locator.Fail = true;
        var asked = locator.Asked.Count;
        await Eventually.True(() => locator.Asked.Count > asked + 1);
        var whileFailing = await TryGet(gateway.Client, "/api/registrar/x");

        Assert.Equal("first GET /api/registrar/x", before);
        Assert.Equal("second GET /api/registrar/x", after);
        Assert.Equal("second GET /api/registrar/x", whileFailing);
    }

    [Fact]
    public async Task A_backend_without_instances_answers_503()
    {
        await using var gateway = await GatewayHost.Start(new() { ["AdminGateway:Backends:router:ServiceName"] = "router" });

        using var response = await gateway.Client.GetAsync("/api/router/domains");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task The_service_list_reports_each_instances_health()
    {
        await using var healthy = await TinyBackend.Start("router");
        await using var sick = await TinyBackend.Start("registrar", healthStatus: 503);
        await using var gateway = await GatewayHost.Start(new()
        {
            ["AdminGateway:Backends:router:ServiceName"] = "router",
            ["AdminGateway:Backends:registrar:ServiceName"] = "registrar",
            ["AdminGateway:Backends:transaction:ServiceName"] = "transaction",
            ["Services:router:Endpoints:0"] = healthy.Address.ToString(),
            ["Services:registrar:Endpoints:0"] = sick.Address.ToString(),
        });
        await GetWhenRouted(gateway.Client, "/api/router/x", "router");

        var list = await gateway.GetJson<InstanceHealth[]>(ServiceHealthEndpoints.ServicesPath);

        Assert.NotNull(list);
        Assert.Equal(
            [("registrar", "Unhealthy"), ("router", "Healthy"), ("transaction", "Missing")],
            list.Select(i => (i.Service, i.Status)).ToArray());
        Assert.Contains("/health", sick.Paths);
    }

    [Fact]
    public async Task A_backend_named_like_a_gateway_api_is_refused_at_start()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            GatewayHost.Start(new() { ["AdminGateway:Backends:log:ServiceName"] = "log" }));

        Assert.Contains("log", error.Message);
    }
}
