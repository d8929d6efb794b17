using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchboard.AdminGateway.Tests;

/// <summary>
/// A real Kestrel service on 127.0.0.1 standing in for a Switchboard service: answers every request with
/// "name METHOD path?query", and /health with the status it was given. Records the paths it served.
/// </summary>
internal sealed class TinyBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _paths;

    private TinyBackend(WebApplication app, ConcurrentQueue<string> paths, Uri address)
    {
        _app = app;
        _paths = paths;
        Address = address;
    }

    public Uri Address { get; }

    public IReadOnlyList<string> Paths => _paths.ToArray();

    public static async Task<TinyBackend> Start(string name, int healthStatus = StatusCodes.Status200OK)
    {
        // Not the test folder as content root: the gateway's appsettings.json (copied there) binds 8080.
        var root = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "tiny-backend-root")).FullName;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = root });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var paths = new ConcurrentQueue<string>();
        app.Run(async context =>
        {
            var request = context.Request;
            paths.Enqueue(request.Path + request.QueryString);
            if (request.Path == "/health")
            {
                context.Response.StatusCode = healthStatus;
                return;
            }

            await context.Response.WriteAsync($"{name} {request.Method} {request.Path}{request.QueryString}");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TinyBackend(app, paths, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
