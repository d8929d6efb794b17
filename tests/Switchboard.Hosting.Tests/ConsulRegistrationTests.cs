using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Hosting.Discovery;

namespace Switchboard.Hosting.Tests;

public sealed class ConsulRegistrationTests
{
    [Fact]
    public async Task A_service_registers_on_start_with_its_bound_port_and_deregisters_on_stop()
    {
        await using var consul = await RecordingConsulServer.Start();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Configuration["Consul:Address"] = consul.Address.ToString();
        builder.Configuration["Consul:ServiceName"] = "registrar";
        builder.Configuration["Consul:Tags:0"] = "sip";
        builder.AddSwitchboardDefaults();
        await using var app = builder.Build();
        app.MapSwitchboardDefaults();

        await app.StartAsync();
        var port = new Uri(app.Urls.First()).Port;
        var register = Assert.Single(consul.Requests);
        await app.StopAsync();

        Assert.Equal(("PUT", "/v1/agent/service/register"), (register.Method, register.Path));
        using var json = JsonDocument.Parse(register.Body);
        Assert.Equal("registrar", json.RootElement.GetProperty("Name").GetString());
        Assert.Equal($"registrar-127.0.0.1-{port}", json.RootElement.GetProperty("ID").GetString());
        Assert.Equal(port, json.RootElement.GetProperty("Port").GetInt32());
        Assert.Equal($"http://127.0.0.1:{port}/health", json.RootElement.GetProperty("Check").GetProperty("HTTP").GetString());
        var deregister = consul.Requests[^1];
        Assert.Equal(("PUT", $"/v1/agent/service/deregister/registrar-127.0.0.1-{port}"), (deregister.Method, deregister.Path));
    }

    [Fact]
    public async Task A_consul_outage_does_not_stop_the_service_from_starting()
    {
        await using var consul = await RecordingConsulServer.Start();
        consul.Reply("PUT", "/v1/agent/service/register", 500, "agent unavailable");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Configuration["Consul:Address"] = consul.Address.ToString();
        builder.AddSwitchboardDefaults();
        await using var app = builder.Build();
        app.MapSwitchboardDefaults();

        await app.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var health = await http.GetAsync(new Uri(new Uri(app.Urls.First()), "/health"));
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.DoesNotContain(consul.Requests, r => r.Path.StartsWith("/v1/agent/service/deregister", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(10_000, "10s")]
    [InlineData(1_500, "1500ms")]
    public void Check_durations_use_consul_syntax(int milliseconds, string expected)
    {
        var options = new ConsulOptions { ServicePort = 5101, ServiceAddress = "127.0.0.1", CheckInterval = TimeSpan.FromMilliseconds(milliseconds) };

        var registration = ConsulRegistrationBuilder.Build(options, "router", [])!;

        Assert.Equal(expected, registration.Check!.Interval);
        Assert.Equal("60s", registration.Check.DeregisterCriticalServiceAfter);
        Assert.Equal("router-127.0.0.1-5101", registration.Id);
    }

    [Fact]
    public void No_port_means_no_registration()
    {
        Assert.Null(ConsulRegistrationBuilder.Build(new ConsulOptions(), "router", []));
    }
}
