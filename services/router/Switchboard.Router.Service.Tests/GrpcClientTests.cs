using System.Diagnostics;
using System.Net.Http.Json;
using Grpc.Core;
using Switchboard.Contracts.Routing;
using Switchboard.Protos.Clients;

namespace Switchboard.Router.Service.Tests;

public class GrpcClientTests
{
    // The first call opens the HTTP/2 connection; on a loaded CI machine that can take seconds.
    private static readonly StreamingClientOptions Patient = new() { CallTimeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task CredentialLookupOverH2c()
    {
        await using var host = await StartWithAliceAsync();
        using var channel = host.OpenChannel();
        await using var lookup = new GrpcCredentialLookup(host.Client(channel), Patient);

        var alice = await lookup.FindAsync("alice", "example.com");

        Assert.NotNull(alice);
        Assert.Equal(("alice", "example.com"), (alice.User, alice.Domain));
        Assert.Equal(32, alice.Ha1Md5.Length);
        Assert.Equal(64, alice.Ha1Sha256.Length);
        Assert.Null(await lookup.FindAsync("nobody", "example.com"));
        Assert.Equal(1, lookup.StreamsOpened);
    }

    [Fact]
    public async Task ResolutionAndLocalDomainsOverH2c()
    {
        await using var host = await StartWithAliceAsync();
        await host.Http.PostAsJsonAsync("/api/router/forwarders", new { name = "out", domain = "example.com", target = "sip:bob@far.example" });
        using var channel = host.OpenChannel();
        await using var resolution = new GrpcAddressResolutionService(host.Client(channel), Patient);

        Assert.Equal(AddressResolution.Local("alice", "example.com"), await resolution.ResolveAsync("alice", "example.com"));
        Assert.Equal(AddressResolution.ToRemote("sip:bob@far.example"), await resolution.ResolveAsync("out", "example.com"));
        var missing = await resolution.ResolveAsync("ghost", "example.com");
        Assert.Equal((AddressResolutionKind.Rejected, 404), (missing.Kind, missing.StatusCode));

        Assert.True(await resolution.IsLocalDomainAsync("example.com"));
        Assert.False(await resolution.IsLocalDomainAsync("new.example"));
        await host.Http.PostAsJsonAsync("/api/router/domains", new { name = "new.example" });
        Assert.False(await resolution.IsLocalDomainAsync("new.example")); // still cached
        resolution.InvalidateLocalDomains();
        Assert.True(await resolution.IsLocalDomainAsync("new.example"));
    }

    [Fact]
    public async Task TwoHundredParallelCallsShareOneStream()
    {
        await using var host = await StartWithAliceAsync();
        var users = Enumerable.Range(0, 100).Select(i => $"u{i}").ToArray();
        foreach (var user in users)
            await host.Http.PostAsJsonAsync("/api/router/accounts", new { user, domain = "example.com", password = "pw" });
        using var channel = host.OpenChannel();
        await using var lookup = new GrpcCredentialLookup(host.Client(channel), Patient);
        await using var resolution = new GrpcAddressResolutionService(host.Client(channel), Patient);

        var clock = Stopwatch.StartNew();
        var lookups = Enumerable.Range(0, 200).Select(i => lookup.FindAsync(i < 100 ? users[i] : $"missing{i}", "example.com").AsTask());
        var resolutions = Enumerable.Range(0, 200).Select(i => resolution.ResolveAsync(users[i % 100], "example.com").AsTask());
        var found = await Task.WhenAll(lookups);
        var resolved = await Task.WhenAll(resolutions);
        clock.Stop();

        for (var i = 0; i < 200; i++)
        {
            // Each answer reached its own caller: the correlation ids were not mixed up.
            Assert.Equal(i < 100 ? users[i] : null, found[i]?.User);
            Assert.Equal(AddressResolution.Local(users[i % 100], "example.com"), resolved[i]);
        }
        Assert.Equal(1, lookup.StreamsOpened);
        Assert.Equal(1, resolution.StreamsOpened);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"400 calls took {clock.Elapsed}");
    }

    [Fact]
    public async Task ReconnectsAfterTheServerRestarts()
    {
        var host = await StartWithAliceAsync();
        var (directory, httpPort, grpcPort) = (host.DataDirectory, host.HttpPort, host.GrpcPort);
        try
        {
            using var channel = host.OpenChannel();
            var options = new StreamingClientOptions { CallTimeout = TimeSpan.FromSeconds(10), ReconnectMaxDelay = TimeSpan.FromMilliseconds(200) };
            await using var lookup = new GrpcCredentialLookup(host.Client(channel), options);
            Assert.NotNull(await lookup.FindAsync("alice", "example.com"));

            await host.StopAsync();
            await Assert.ThrowsAsync<RpcException>(async () => await lookup.FindAsync("alice", "example.com"));

            host = await RouterServiceHost.StartAsync(directory, httpPort, grpcPort);
            var again = await EventuallyAsync(() => lookup.FindAsync("alice", "example.com").AsTask(), TimeSpan.FromSeconds(10));

            Assert.Equal("alice", again?.User);
            Assert.True(lookup.StreamsOpened >= 2, $"streams opened: {lookup.StreamsOpened}");
        }
        finally
        {
            await host.DisposeAsync();
            RouterServiceHost.DeleteData(directory);
        }
    }

    [Fact]
    public async Task CallsTimeOutWhenNoAnswerComes()
    {
        await using var host = await StartWithAliceAsync();
        using var channel = host.OpenChannel();
        var options = new StreamingClientOptions { CallTimeout = TimeSpan.FromMilliseconds(1) };
        await using var lookup = new GrpcCredentialLookup(host.Client(channel), options);

        // 1 ms is shorter than opening the stream, so the first calls must time out, not hang.
        var failure = await Assert.ThrowsAsync<RpcException>(async () => await lookup.FindAsync("alice", "example.com"));
        Assert.Equal(StatusCode.DeadlineExceeded, failure.StatusCode);
    }

    private static async Task<RouterServiceHost> StartWithAliceAsync()
    {
        var host = await RouterServiceHost.StartAsync();
        await host.Http.PostAsJsonAsync("/api/router/domains", new { name = "example.com" });
        await host.Http.PostAsJsonAsync("/api/router/accounts", new { user = "alice", domain = "example.com", password = "pw" });
        return host;
    }

    /// <summary>Retries a call that may fail while the stream reopens; bounded by <paramref name="limit"/>.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> call, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException) when (clock.Elapsed < limit)
            {
                await Task.Delay(50);
            }
        }
    }
}
