using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Switchboard.Contracts.Gateway;
using Switchboard.GatewayRegistrar.Service.Grpc;
using Switchboard.Protos.Clients;
using GatewayDirectoryClient = Switchboard.Protos.GatewayRegistrar.GatewayDirectory.GatewayDirectoryClient;

namespace Switchboard.GatewayRegistrar.Service.Tests;

/// <summary>The gRPC client adapter against the GatewayDirectory server adapter, in process, over a recording directory.</summary>
public sealed class GrpcGatewayDirectoryTests : IAsyncLifetime
{
    private static readonly GatewaySettings Pstn = new("pstn", "sip.provider.test:5080", "trunk", "s3cret", "sip:trunk@198.51.100.7", 600, true);
    private static readonly GatewaySettings Spare = new("spare", "[2001:db8::1]", "u", "", null, 3600, false);

    private readonly RecordingGatewayDirectory _behind = new() { Gateways = [Pstn, Spare] };
    private readonly FakeTimeProvider _time = new();
    private WebApplication _app = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear(); // the service's appsettings.json (copied here) names fixed ports: tests run in parallel
        builder.Logging.SetMinimumLevel(LogLevel.Critical);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IGatewayDirectory>(_behind);
        _app = builder.Build();
        _app.MapGrpcService<GatewayDirectoryGrpcService>();
        await _app.StartAsync();
        _channel = GrpcChannel.ForAddress(_app.Urls.First());
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Gateways_cross_the_wire_unchanged_including_absent_contact_and_disabled()
    {
        using var directory = NewClient();

        var list = await directory.ListAsync();

        Assert.Equal([Pstn, Spare], list);
        Assert.Equal(Spare, await directory.FindAsync("SPARE"));
        Assert.Null(await directory.FindAsync("none"));
    }

    [Fact]
    public async Task Within_the_ttl_the_list_is_read_once_and_after_it_again()
    {
        using var directory = NewClient();

        await directory.FindAsync("pstn");
        await directory.FindAsync("pstn");
        _time.Advance(TimeSpan.FromSeconds(4));
        await directory.ListAsync();
        Assert.Equal((1, 1L), (_behind.Lists, directory.Calls));

        _behind.Gateways = [Pstn with { Password = "rotated" }];
        _time.Advance(TimeSpan.FromSeconds(2));
        var changed = await directory.FindAsync("pstn");

        Assert.Equal("rotated", changed!.Password);
        Assert.Equal(2, _behind.Lists);
    }

    [Fact]
    public async Task A_failed_refresh_keeps_the_last_list_until_the_next_ttl()
    {
        using var directory = NewClient();
        await directory.ListAsync();
        _behind.Failure = new InvalidOperationException("database locked");

        _time.Advance(TimeSpan.FromSeconds(6));
        var kept = await directory.ListAsync();
        var keptAgain = await directory.ListAsync();

        Assert.Equal([Pstn, Spare], kept);
        Assert.Equal([Pstn, Spare], keptAgain);
        Assert.Equal(2, _behind.Lists); // no call per request while the registrar fails
    }

    [Fact]
    public async Task Without_any_list_a_failure_reaches_the_caller()
    {
        _behind.Failure = new InvalidOperationException("database locked");
        using var directory = NewClient();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await directory.ListAsync());

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
    }

    private GrpcGatewayDirectory NewClient() => new(new GatewayDirectoryClient(_channel), TimeSpan.FromSeconds(5), _time);
}
