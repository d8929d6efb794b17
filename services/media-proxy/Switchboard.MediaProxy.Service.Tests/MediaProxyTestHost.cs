using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;
using Switchboard.Contracts;
using Switchboard.Hosting;

namespace Switchboard.MediaProxy.Service.Tests;

/// <summary>
/// The media-proxy service in-process on real Kestrel: an HTTP/1.1 endpoint (/metrics, /api) and an Http2-only
/// endpoint (h2c gRPC), both on 127.0.0.1 ephemeral ports, wired as Program.cs does (minus the bus).
/// </summary>
internal sealed class MediaProxyTestHost : IAsyncDisposable
{
    private static readonly Lazy<string> EmptyContentRoot = new(() => Directory.CreateTempSubdirectory("mp-service-tests-").FullName);
    private readonly WebApplication _app;

    private MediaProxyTestHost(WebApplication app, string instanceId, int httpPort, int grpcPort)
    {
        _app = app;
        InstanceId = instanceId;
        HttpPort = httpPort;
        GrpcPort = grpcPort;
    }

    public string InstanceId { get; }
    public int HttpPort { get; }
    public int GrpcPort { get; }
    public IServiceProvider Services => _app.Services;
    public Uri HttpAddress => new($"http://127.0.0.1:{HttpPort}");

    /// <param name="defaultMetrics">Use the process-wide default registry and MapSwitchboardDefaults exactly like
    /// Program.cs; otherwise a private registry (so several hosts in one test process do not share gauges).</param>
    public static async Task<MediaProxyTestHost> Start(string instanceId, int portRangeStart, IEventPublisher? publisher = null,
        bool defaultMetrics = false, IDictionary<string, string?>? settings = null)
    {
        // An empty content root: no appsettings.json (its fixed ports 9105/9205) is picked up.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = EmptyContentRoot.Value });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MediaProxy:InstanceId"] = instanceId,
            ["MediaProxy:PortRangeStart"] = portRangeStart.ToString(CultureInfo.InvariantCulture),
            ["MediaProxy:PortRangeEnd"] = (portRangeStart + 99).ToString(CultureInfo.InvariantCulture),
            ["MediaProxy:BindAddress"] = "127.0.0.1",
            ["MediaProxy:LanAddress"] = "127.0.0.1",
            ["MediaProxy:WanAddress"] = "127.0.0.1",
            ["MediaProxy:PortReleaseDelay"] = "00:00:00",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        ListenOptions? http = null, grpc = null;
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0, o => { o.Protocols = HttpProtocols.Http1; http = o; });
            k.Listen(IPAddress.Loopback, 0, o => { o.Protocols = HttpProtocols.Http2; grpc = o; });
        });
        if (publisher is not null)
            builder.Services.AddSingleton(publisher);
        var registry = defaultMetrics ? Metrics.DefaultRegistry : Metrics.NewCustomRegistry();
        builder.Services.AddSingleton(registry);
        builder.AddSwitchboardDefaults();
        builder.AddMediaProxyService();

        var app = builder.Build();
        if (defaultMetrics)
            app.MapSwitchboardDefaults();
        else
            app.MapMetrics(Extensions.MetricsPath, registry);
        app.MapMediaProxyEndpoints();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new MediaProxyTestHost(app, instanceId, http!.IPEndPoint!.Port, grpc!.IPEndPoint!.Port);
    }

    public Task Stop() => _app.StopAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
