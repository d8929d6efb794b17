using System.Net;
using System.Text.Json;
using Switchboard.Hosting.Discovery;

namespace Switchboard.Hosting.Tests;

public sealed class ConsulClientTests : IAsyncLifetime
{
    private RecordingConsulServer _consul = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _consul = await RecordingConsulServer.Start();
        _http = new HttpClient { BaseAddress = _consul.Address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _consul.DisposeAsync();
    }

    [Fact]
    public async Task Register_puts_the_service_with_consul_field_names()
    {
        var registration = new ConsulServiceRegistration("registrar-1", "registrar", "127.0.0.1", 5101, ["sip"],
            new Dictionary<string, string> { ["grpc"] = "5102" },
            new ConsulHttpCheck("http://127.0.0.1:5101/health", "10s", "1m"));

        await new ConsulClient(_http).Register(registration);

        var request = Assert.Single(_consul.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/v1/agent/service/register", request.Path);
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal("registrar-1", root.GetProperty("ID").GetString());
        Assert.Equal("registrar", root.GetProperty("Name").GetString());
        Assert.Equal("127.0.0.1", root.GetProperty("Address").GetString());
        Assert.Equal(5101, root.GetProperty("Port").GetInt32());
        Assert.Equal("sip", root.GetProperty("Tags")[0].GetString());
        Assert.Equal("5102", root.GetProperty("Meta").GetProperty("grpc").GetString());
        var check = root.GetProperty("Check");
        Assert.Equal("http://127.0.0.1:5101/health", check.GetProperty("HTTP").GetString());
        Assert.Equal("10s", check.GetProperty("Interval").GetString());
        Assert.Equal("1m", check.GetProperty("DeregisterCriticalServiceAfter").GetString());
    }

    [Fact]
    public async Task Deregister_puts_to_the_escaped_id()
    {
        await new ConsulClient(_http).Deregister("router a/1");

        var request = Assert.Single(_consul.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/v1/agent/service/deregister/router%20a%2F1", request.RawTarget);
    }

    [Fact]
    public async Task GetHealthy_asks_for_passing_instances_and_falls_back_to_the_node_address()
    {
        _consul.Reply("GET", "/v1/health/service/registrar", 200, """
            [
              {"Node": {"Node": "n1", "Address": "10.1.0.5"},
               "Service": {"ID": "registrar-1", "Service": "registrar", "Address": "127.0.0.1", "Port": 5101,
                           "Meta": {"scheme": "http"}, "Tags": []},
               "Checks": [{"Status": "passing"}]},
              {"Node": {"Node": "n2", "Address": "127.0.0.2"},
               "Service": {"ID": "registrar-2", "Service": "registrar", "Address": "", "Port": 5201, "Meta": null},
               "Checks": []}
            ]
            """);

        var endpoints = await new ConsulClient(_http).GetHealthy("registrar");

        var request = Assert.Single(_consul.Requests);
        Assert.Equal(("GET", "?passing=true"), (request.Method, request.Query));
        Assert.Equal(2, endpoints.Count);
        Assert.Equal(("registrar-1", "127.0.0.1", 5101), (endpoints[0].Id, endpoints[0].Host, endpoints[0].Port));
        Assert.Equal(new Uri("http://127.0.0.1:5101/"), endpoints[0].ToUri());
        Assert.Equal(("registrar-2", "127.0.0.2", 5201), (endpoints[1].Id, endpoints[1].Host, endpoints[1].Port));
        Assert.Empty(endpoints[1].Meta);
    }

    [Fact]
    public async Task An_error_status_becomes_a_ConsulException_with_the_body()
    {
        _consul.Reply("PUT", "/v1/agent/service/register", 400, "Invalid check: Interval is required");
        var registration = new ConsulServiceRegistration("x", "x", "127.0.0.1", 1, [], new Dictionary<string, string>(), null);

        var error = await Assert.ThrowsAsync<ConsulException>(() => new ConsulClient(_http).Register(registration));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Contains("Interval is required", error.Message);
    }

    [Fact]
    public async Task An_unreadable_health_body_becomes_a_ConsulException()
    {
        _consul.Reply("GET", "/v1/health/service/router", 200, "{not json");

        await Assert.ThrowsAsync<ConsulException>(() => new ConsulClient(_http).GetHealthy("router"));
    }
}

public sealed class ConsulServiceLocatorTests : IAsyncLifetime
{
    private RecordingConsulServer _consul = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _consul = await RecordingConsulServer.Start();
        _http = new HttpClient { BaseAddress = _consul.Address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _consul.DisposeAsync();
    }

    [Fact]
    public async Task A_grpc_name_finds_the_service_and_answers_with_its_published_grpc_port()
    {
        _consul.Reply("GET", "/v1/health/service/router", 200, """
            [
              {"Node": {"Address": "10.1.0.5"}, "Service": {"ID": "router-1", "Address": "10.1.0.7", "Port": 9104, "Meta": {"grpc_port": "9204"}}},
              {"Node": {"Address": "10.1.0.6"}, "Service": {"ID": "router-2", "Address": "10.1.0.8", "Port": 9104, "Meta": null}}
            ]
            """);
        var locator = new ConsulServiceLocator(new ConsulClient(_http));

        var grpc = await locator.Resolve("router-grpc");
        var http = await locator.Resolve("router");

        var only = Assert.Single(grpc);
        Assert.Equal(("router-1", "10.1.0.7", 9204), (only.Id, only.Host, only.Port));
        Assert.Equal([9104, 9104], http.Select(e => e.Port));
        Assert.All(_consul.Requests, r => Assert.Equal("/v1/health/service/router", r.Path));
    }
}
