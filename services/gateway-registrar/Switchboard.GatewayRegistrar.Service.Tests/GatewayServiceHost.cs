using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Contracts.Gateway;
using Switchboard.Hosting;

namespace Switchboard.GatewayRegistrar.Service.Tests;

/// <summary>
/// The gateway registrar service on real Kestrel (HTTP/1.1 and h2c gRPC on ephemeral ports), SQLite in a temp folder, SIP and the
/// bus replaced by recording doubles (registered before <c>AddGatewayRegistrarService</c>, as the all-in-one host does).
/// </summary>
internal sealed class GatewayServiceHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDirectory;

    private GatewayServiceHost(WebApplication app, string dataDirectory, int port, int grpcPort, RecordingSipClientRequests sip, RecordingEventPublisher events)
    {
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
        _app = app;
        _dataDirectory = dataDirectory;
        Sip = sip;
        Events = events;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public HttpClient Http { get; }

    /// <summary>The h2c endpoint the GatewayDirectory gRPC service answers on.</summary>
    public Uri GrpcAddress { get; }

    public RecordingSipClientRequests Sip { get; }

    public RecordingEventPublisher Events { get; }

    public static async Task<GatewayServiceHost> StartAsync()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "sb-gw-svc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = dataDirectory,
            EnvironmentName = "Testing",
            Args = [$"--Storage:DataDirectory={dataDirectory}", "--GatewayRegistrar:PublicAddress=198.51.100.7"],
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        ListenOptions? http = null;
        ListenOptions? grpc = null;
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0, o => { o.Protocols = HttpProtocols.Http1; http = o; });
            k.Listen(IPAddress.Loopback, 0, o => { o.Protocols = HttpProtocols.Http2; grpc = o; });
        });
        builder.AddSwitchboardDefaults();
        var sip = new RecordingSipClientRequests();
        var events = new RecordingEventPublisher();
        builder.Services.AddSingleton<ISipClientRequests>(sip);
        builder.Services.AddSingleton<IEventPublisher>(events);
        builder.AddGatewayRegistrarService();
        var app = builder.Build();
        app.MapSwitchboardDefaults();
        app.MapGatewayRegistrarEndpoints();
        await app.StartAsync();
        return new GatewayServiceHost(app, dataDirectory, http!.IPEndPoint!.Port, grpc!.IPEndPoint!.Port, sip, events);
    }

    /// <summary>Polls <paramref name="path"/> (bounded) until <paramref name="done"/> holds for its body.</summary>
    public async Task<string> WaitForAsync(string path, Func<string, bool> done)
    {
        var body = "";
        for (var i = 0; i < 100; i++)
        {
            body = await Http.GetStringAsync(path);
            if (done(body))
            {
                return body;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{path} never matched; last: {body}");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
