using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Cli;
using Switchboard.Contracts.Events;
using Switchboard.Contracts.Registrar;
using Switchboard.Protos.Clients;
using Proto = Switchboard.Protos.Registrar;

namespace Switchboard.Registrar.Service.Tests;

public class RegistrarServiceTests
{
    private const string Aor = "sip:alice@example.com";

    // The first call opens the HTTP/2 connection; on a loaded CI machine that can take seconds.
    private static readonly StreamingClientOptions Patient = new() { CallTimeout = TimeSpan.FromSeconds(30) };

    private static readonly RegistrationFlow UdpFlow = new("edge-1", "UDP", "127.0.0.1", 5060, "192.0.2.9", 5062);

    [Fact]
    public async Task RegisterLookupListAndRemoveOverGrpcAndHttp()
    {
        var events = new RecordingEventPublisher();
        await using var host = await RegistrarServiceHost.StartAsync(publisher: events);
        using var channel = host.OpenChannel();
        await using var registrar = new GrpcRegistrarService(new Proto.Registrar.RegistrarClient(channel), Patient);

        var result = await registrar.RegisterAsync(Register("call-1", 1, new RegisterContact("sip:alice@192.0.2.9:5062", Expires: 600, Q: "0.5")));

        Assert.Equal(200, result.StatusCode);
        var listed = Assert.Single(result.Contacts);
        Assert.Equal("sip:alice@192.0.2.9:5062", listed.ContactUri);
        Assert.Equal(600, listed.ExpiresSeconds);
        Assert.StartsWith("<sip:alice@192.0.2.9:5062>;expires=600;q=0.5", listed.HeaderValue);

        var binding = Assert.Single(await registrar.LookupAsync(Aor));
        Assert.Equal((500, UdpFlow), (binding.QThousandths, binding.Flow));

        var views = await host.Http.GetFromJsonAsync<JsonElement>($"/api/registrar/bindings?aor={Uri.EscapeDataString(Aor)}");
        var view = Assert.Single(views.EnumerateArray());
        Assert.Equal("sip:alice@192.0.2.9:5062", view.GetProperty("contact").GetString());
        Assert.Equal("0.5", view.GetProperty("q").GetString());
        Assert.Equal("udp 192.0.2.9:5062 -> 127.0.0.1:5060", view.GetProperty("source").GetString());

        var removed = await host.Http.DeleteAsync($"/api/registrar/bindings?aor={Uri.EscapeDataString(Aor)}");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(1, (await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("removed").GetInt32());
        Assert.Empty(await registrar.LookupAsync(Aor));
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Http.GetAsync("/api/registrar/bindings")).StatusCode);

        var published = events.Events;
        var registered = Assert.IsType<ContactRegistered>(published[0]);
        Assert.Equal((Aor, "sip:alice@192.0.2.9:5062", 600, "udp 192.0.2.9:5062 -> 127.0.0.1:5060"),
            (registered.Aor, registered.ContactUri, registered.ExpiresSeconds, registered.Flow));
        Assert.IsType<ContactRemoved>(published[1]);
    }

    [Fact]
    public async Task RefreshAndExpiryAreReported()
    {
        var events = new RecordingEventPublisher();
        await using var host = await RegistrarServiceHost.StartAsync(publisher: events);
        using var channel = host.OpenChannel();
        await using var registrar = new GrpcRegistrarService(new Proto.Registrar.RegistrarClient(channel), Patient);
        var contact = new RegisterContact("sip:alice@192.0.2.9:5062");

        Assert.Equal(200, (await registrar.RegisterAsync(Register("c", 1, contact with { Expires = 300 }))).StatusCode);
        Assert.Equal(200, (await registrar.RegisterAsync(Register("c", 2, contact with { Expires = 2 }))).StatusCode);

        var clock = Stopwatch.StartNew();
        while (!events.Events.OfType<ContactExpired>().Any() && clock.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(100);

        Assert.IsType<ContactRegistered>(events.Events[0]);
        Assert.IsType<ContactRefreshed>(events.Events[1]);
        Assert.Equal(Aor, Assert.Single(events.Events.OfType<ContactExpired>()).Aor);
        Assert.Empty(await registrar.LookupAsync(Aor));
    }

    [Fact]
    public async Task TwoHundredParallelRegistersShareOneStream()
    {
        await using var host = await RegistrarServiceHost.StartAsync();
        using var channel = host.OpenChannel();
        await using var registrar = new GrpcRegistrarService(new Proto.Registrar.RegistrarClient(channel), Patient);

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => registrar.RegisterAsync(
            Register($"call-{i}", 1, new RegisterContact($"sip:u{i}@192.0.2.9:5062", Expires: 600)) with { Aor = $"sip:u{i}@example.com" }).AsTask()));

        for (var i = 0; i < 200; i++)
            Assert.Equal($"sip:u{i}@192.0.2.9:5062", Assert.Single(results[i].Contacts).ContactUri);
        Assert.Equal(1, registrar.StreamsOpened);
        var lookups = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => registrar.LookupAsync($"sip:u{i}@example.com").AsTask()));
        Assert.All(lookups, l => Assert.Single(l));
        Assert.Equal(2, registrar.StreamsOpened);
    }

    [Fact]
    public async Task BindingsSurviveARestartAndTheClientReconnects()
    {
        var host = await RegistrarServiceHost.StartAsync();
        var (directory, httpPort, grpcPort) = (host.DataDirectory, host.HttpPort, host.GrpcPort);
        try
        {
            using var channel = host.OpenChannel();
            await using var registrar = new GrpcRegistrarService(new Proto.Registrar.RegistrarClient(channel),
                new StreamingClientOptions { CallTimeout = TimeSpan.FromSeconds(10), ReconnectMaxDelay = TimeSpan.FromMilliseconds(200) });
            Assert.Equal(200, (await registrar.RegisterAsync(Register("c", 1, new RegisterContact("sip:alice@192.0.2.9:5062", Expires: 600)))).StatusCode);

            await host.StopAsync();
            host = await RegistrarServiceHost.StartAsync(directory, httpPort, grpcPort);
            Assert.True(File.Exists(Path.Combine(directory, "registrar.db")));

            var clock = Stopwatch.StartNew();
            IReadOnlyList<ContactBinding>? found = null;
            while (found is null && clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                try
                {
                    found = await registrar.LookupAsync(Aor);
                }
                catch (global::Grpc.Core.RpcException)
                {
                    await Task.Delay(50);
                }
            }
            Assert.Equal("sip:alice@192.0.2.9:5062", Assert.Single(found!).ContactUri);
        }
        finally
        {
            await host.DisposeAsync();
            RegistrarServiceHost.DeleteData(directory);
        }
    }

    [Fact]
    public async Task CliListsBindings()
    {
        await using var host = await RegistrarServiceHost.StartAsync();
        using var channel = host.OpenChannel();
        await using var registrar = new GrpcRegistrarService(new Proto.Registrar.RegistrarClient(channel), Patient);
        await registrar.RegisterAsync(Register("c", 1, new RegisterContact("sip:alice@192.0.2.9:5062", Expires: 600)));
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };

        var exit = await SwitchboardCli.RunAsync(["bindings", "list", Aor, "--server", host.HttpAddress], output, error);

        Assert.Equal(0, exit);
        Assert.Matches(@"^sip:alice@192\.0\.2\.9:5062 expires=(600|599) q=1\n\(1 bindings\)\n$", output.ToString());
        Assert.Equal("", error.ToString());
    }

    private static RegisterRequest Register(string callId, long cseq, params RegisterContact[] contacts) =>
        new(Aor, callId, cseq, null, contacts, [], [], UdpFlow);
}
