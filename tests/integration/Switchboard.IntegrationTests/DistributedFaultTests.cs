using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Contracts.Events;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests;

/// <summary>
/// Faults in the distributed deployment (issue 6): the broker going away, the registrar crashing, an edge dying.
/// Each test leaves the deployment whole again for the next.
/// </summary>
[Collection(BusDeploymentCollection.Name)]
public sealed class DistributedFaultTests(BusDistributedDeployment deployment)
{
    [Fact]
    public async Task Sip_keeps_working_without_the_broker_and_events_resume_when_it_returns()
    {
        await deployment.Broker.StopAsync();
        try
        {
            await Sipsak.RegisterAsync(deployment.SipPort, "carol");
            var options = await ExternalTool.RunAsync("sipsak", ["-vv", "-s", $"sip:ping@127.0.0.1:{deployment.SipPort}"], TimeSpan.FromSeconds(20));
            Assert.True(options.ExitCode == 0, options.Output);
            await AssertCallCompletesAsync("nobroker", await RegisterCalleeAsync("nobroker"));
        }
        finally
        {
            await deployment.Broker.StartAsync();
        }

        // The consumer binds first; the services' buses reconnect on their own.
        await using var events = await RecordingEventConsumer.StartAsync(deployment.Broker.Uri);
        var deadline = DateTime.UtcNow.AddSeconds(45);
        ContactRegistered? seen = null;
        var attempts = 0;
        while (seen is null && DateTime.UtcNow < deadline)
        {
            var port = await Sipsak.RegisterAsync(deployment.SipPort, "carol");
            attempts++;
            seen = await events.WaitForAsync("carol@", $":{port}", TimeSpan.FromSeconds(5));
        }
        Assert.True(seen is not null, $"no ContactRegistered after the broker returned ({attempts} registrations); received:\n{events.Describe()}");
    }

    [Fact]
    public async Task Bindings_survive_a_registrar_crash_and_register_works_again()
    {
        var before = await Sipsak.RegisterAsync(deployment.SipPort, "alice", expires: 900);
        var calleePort = await RegisterCalleeAsync("survivor");
        await Task.Delay(TimeSpan.FromSeconds(1)); // past the 200 ms write-behind window
        await deployment.KillAsync("registrar");
        await deployment.StartAgainAsync("registrar");

        using var http = new HttpClient { BaseAddress = new Uri(deployment.RegistrarApi), Timeout = TimeSpan.FromSeconds(10) };
        var bindings = await http.GetFromJsonAsync<List<JsonElement>>("/api/registrar/bindings?aor=sip%3Aalice%40127.0.0.1") ?? [];
        Assert.Contains(bindings, b => b.GetProperty("contact").GetString()!.Contains($":{before}", StringComparison.Ordinal));

        // The transaction service reconnects its registrar stream; retry while it does, bounded.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var after = 0;
        while (after == 0 && DateTime.UtcNow < deadline)
        {
            try
            {
                after = await Sipsak.RegisterAsync(deployment.SipPort, "alice");
            }
            catch (Xunit.Sdk.XunitException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }
        }
        Assert.NotEqual(0, after);
        bindings = await http.GetFromJsonAsync<List<JsonElement>>("/api/registrar/bindings?aor=sip%3Aalice%40127.0.0.1") ?? [];
        Assert.Contains(bindings, b => b.GetProperty("contact").GetString()!.Contains($":{after}", StringComparison.Ordinal));

        // The callee registered before the crash is still reached, from the binding the registrar reloaded.
        await AssertCallCompletesAsync("survivor", calleePort);
    }

    /// <summary>A new account <paramref name="user"/> (password user + "pw") registered by SIPp from a free port.</summary>
    private async Task<int> RegisterCalleeAsync(string user)
    {
        using (var http = new HttpClient { BaseAddress = new Uri(deployment.RouterApi), Timeout = TimeSpan.FromSeconds(10) })
        using (var import = await http.PostAsync("/api/router/accounts/import", new StringContent($"{user},127.0.0.1,{user}pw", System.Text.Encoding.UTF8, "text/csv")))
        {
            Assert.True(import.IsSuccessStatusCode, $"import {user}: {import.StatusCode}");
        }

        var port = FreePorts.Next();
        await Calls.SippPeer.RegisterAsync(deployment, user, port);
        return port;
    }

    /// <summary>alice calls <paramref name="user"/> (a SIPp callee on <paramref name="port"/>): INVITE…BYE completes on both sides.</summary>
    private async Task AssertCallCompletesAsync(string user, int port)
    {
        var callee = Calls.SippPeer.ServeAsync(deployment, "call_uas.xml", user, port);
        var caller = await Calls.SippPeer.CallAsync(deployment, "call_uac.xml", user);
        Calls.SippPeer.AssertOneSuccessfulCall(caller, "caller");
        Calls.SippPeer.AssertOneSuccessfulCall(await callee, "callee");
    }

    [Fact]
    public async Task Killing_one_edge_leaves_the_other_serving()
    {
        await deployment.KillAsync("edge2");
        try
        {
            var options = await ExternalTool.RunAsync("sipsak", ["-vv", "-s", $"sip:ping@127.0.0.1:{deployment.SipPort}"], TimeSpan.FromSeconds(20));
            Assert.True(options.ExitCode == 0, options.Output);
            await Sipsak.RegisterAsync(deployment.SipPort, "bob");
        }
        finally
        {
            await deployment.StartAgainAsync("edge2");
        }
    }
}
