using System.Diagnostics;
using System.Net.Http.Json;
using Switchboard.Protos.Clients;
using Xunit.Abstractions;

namespace Switchboard.Router.Service.Tests;

public class ZzThroughputProbe(ITestOutputHelper output)
{
    [Fact]
    public async Task Probe()
    {
        await using var host = await RouterServiceHost.StartAsync();
        await host.Http.PostAsJsonAsync("/api/router/domains", new { name = "example.com" });
        await host.Http.PostAsJsonAsync("/api/router/accounts", new { user = "alice", domain = "example.com", password = "pw" });
        using var channel = host.OpenChannel();
        await using var lookup = new GrpcCredentialLookup(host.Client(channel), new StreamingClientOptions { CallTimeout = TimeSpan.FromSeconds(30) });
        await using var resolve = new GrpcAddressResolutionService(host.Client(channel), new StreamingClientOptions { CallTimeout = TimeSpan.FromSeconds(30) });
        await lookup.FindAsync("alice", "example.com");
        await resolve.ResolveAsync("alice", "example.com");
        foreach (var (name, call) in new (string, Func<Task>)[] { ("lookup", async () => await lookup.FindAsync("alice", "example.com")), ("resolve", async () => await resolve.ResolveAsync("alice", "example.com")) })
        {
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, 64).Select(async _ => { for (var i = 0; i < 300; i++) await call(); }));
            output.WriteLine($"{name}: 19200 calls in {clock.ElapsedMilliseconds} ms = {19200 / clock.Elapsed.TotalSeconds:F0}/s");
        }
    }
}
