using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Logging;
using Switchboard.Hosting.Logging;

namespace Switchboard.Hosting.Tests;

public sealed class DefaultsEndpointTests
{
    [Fact]
    public async Task Health_and_metrics_are_served()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.AddSwitchboardDefaults();
        await using var app = builder.Build();
        app.MapSwitchboardDefaults();
        await app.StartAsync();
        var baseAddress = new Uri(app.Urls.First());
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };

        var health = await http.GetAsync("/health");
        var healthBody = await health.Content.ReadAsStringAsync();
        var ready = await http.GetAsync("/ready");
        var metrics = await http.GetStringAsync("/metrics");
        var missing = await http.GetAsync("/nope");
        await app.StopAsync();

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (health.StatusCode, healthBody));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("http_requests_received_total", metrics);
        Assert.Contains("endpoint=\"/health\"", metrics);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Log_levels_shows_the_level_this_process_applies_to_each_tag()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.AddSwitchboardDefaults();
        await using var app = builder.Build();
        app.MapSwitchboardDefaults();
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(10) };

        app.Services.GetRequiredService<ISystemLogLevels>().Set(SystemLogTag.SipServer, SystemLogLevel.AllInfo);
        var levels = await http.GetFromJsonAsync<Dictionary<string, string>>(Extensions.LogLevelsPath);
        await app.StopAsync();

        Assert.NotNull(levels);
        Assert.Equal(SystemLogTag.All.Order(), levels.Keys.Order());
        Assert.Equal("AllInfo", levels[SystemLogTag.SipServer]);
        Assert.Equal("Problems", levels[SystemLogTag.Router]);
    }
}
