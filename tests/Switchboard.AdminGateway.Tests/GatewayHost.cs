using System.Net.Http.Json;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;
using Switchboard.Hosting;
using Switchboard.Hosting.Bus;
using Switchboard.Hosting.Logging;

namespace Switchboard.AdminGateway.Tests;

/// <summary>
/// The admin gateway as Program.cs builds it, on 127.0.0.1 with a free port, the in-memory bus, a temp data
/// directory and its own metrics registry. <paramref name="configure"/> adds services before the defaults
/// (e.g. a locator) and <paramref name="consumers"/> extra recording consumers.
/// </summary>
internal sealed class GatewayHost : IAsyncDisposable
{
    private readonly TempDirectory _data;

    private GatewayHost(WebApplication app, HttpClient client, TempDirectory data)
    {
        App = app;
        Client = client;
        _data = data;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<GatewayHost> Start(
        Dictionary<string, string?> settings,
        Action<IServiceCollection>? configure = null,
        Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var data = new TempDirectory();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = data.Path, // no appsettings.json of the gateway (it binds 8080)
            EnvironmentName = "Testing",
            ApplicationName = "Switchboard.AdminGateway",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = data.Path,
            ["AdminGateway:RefreshInterval"] = "00:00:00.200",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<IMetricFactory>(Metrics.WithCustomRegistry(Metrics.NewCustomRegistry()));
        configure?.Invoke(builder.Services);
        builder.AddSwitchboardDefaults();
        builder.Services.AddSwitchboardBus(builder.Configuration, x =>
        {
            x.AddAdminGatewayConsumers();
            x.AddSettingsConsumer();
            consumers?.Invoke(x);
        });
        builder.AddAdminGateway();
        var app = builder.Build();
        app.MapSwitchboardDefaults();
        app.MapAdminGatewayEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GatewayHost(app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(10) }, data);
    }

    public string DataDirectory => _data.Path;

    public Task<T?> GetJson<T>(string path) => Client.GetFromJsonAsync<T>(path);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        _data.Dispose();
    }
}
