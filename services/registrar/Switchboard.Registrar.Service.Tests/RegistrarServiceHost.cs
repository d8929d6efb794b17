using System.Net;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts;
using Switchboard.Hosting;

namespace Switchboard.Registrar.Service.Tests;

/// <summary>
/// The registrar service on real Kestrel: HTTP/1.1 and h2c on 127.0.0.1 (ephemeral ports unless given), SQLite in
/// a temporary folder that outlives restarts.
/// </summary>
public sealed class RegistrarServiceHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private RegistrarServiceHost(WebApplication app, string dataDirectory, int httpPort, int grpcPort)
    {
        _app = app;
        DataDirectory = dataDirectory;
        HttpPort = httpPort;
        GrpcPort = grpcPort;
        Http = new HttpClient { BaseAddress = new Uri(HttpAddress) };
    }

    public string DataDirectory { get; }

    public int HttpPort { get; }

    public int GrpcPort { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public string HttpAddress => $"http://127.0.0.1:{HttpPort}";

    public GrpcChannel OpenChannel() => GrpcChannel.ForAddress($"http://127.0.0.1:{GrpcPort}");

    public static async Task<RegistrarServiceHost> StartAsync(
        string? dataDirectory = null, int httpPort = 0, int grpcPort = 0, IEventPublisher? publisher = null)
    {
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "switchboard-registrar-svc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        // Content root without appsettings.json: no Kestrel endpoints from config, only the two below.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = dataDirectory,
            EnvironmentName = "Testing",
            Args =
            [
                $"--Storage:DataDirectory={dataDirectory}",
                "--Registrar:MinimalRegistration=00:00:01",
                "--Registrar:ExpirySweepInterval=00:00:00.200",
                "--Registrar:Persistence:BatchInterval=00:00:00.050",
            ],
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        ListenOptions? http = null, grpc = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, httpPort, o => { o.Protocols = HttpProtocols.Http1; http = o; });
            kestrel.Listen(IPAddress.Loopback, grpcPort, o => { o.Protocols = HttpProtocols.Http2; grpc = o; });
        });
        builder.AddSwitchboardDefaults();
        if (publisher is not null)
            builder.Services.AddSingleton(publisher);
        builder.AddRegistrarService();
        var app = builder.Build();
        app.MapSwitchboardDefaults();
        app.MapRegistrarEndpoints();
        await app.StartAsync();
        return new RegistrarServiceHost(app, dataDirectory, http!.IPEndPoint!.Port, grpc!.IPEndPoint!.Port);
    }

    /// <summary>Stops the server (flushing bindings to SQLite) but keeps the data folder.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
            return;
        _stopped = true;
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        DeleteData(DataDirectory);
    }

    public static void DeleteData(string directory)
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);
    }
}
