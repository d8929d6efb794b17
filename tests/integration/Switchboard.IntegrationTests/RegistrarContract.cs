using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests;

/// <summary>
/// Registration with real SIP clients (issue: registrar, accounts and authentication), against both wirings:
/// sipsak with digest, a SIPp REGISTER load with digest from a CSV of users, baresip with a password.
/// </summary>
public abstract class RegistrarContract<TDeployment> : IClassFixture<TDeployment> where TDeployment : SwitchboardDeployment
{
    protected RegistrarContract(TDeployment deployment) => Deployment = deployment;

    protected TDeployment Deployment { get; }

    [Fact]
    public async Task Sipsak_registers_with_digest_and_the_binding_is_listed()
    {
        var localPort = FreePorts.Next();
        var result = await ExternalTool.RunAsync("sipsak",
            ["-U", "-s", $"sip:alice@127.0.0.1:{Deployment.SipPort}", "-a", "alicepw", "-u", "alice", "-l", localPort.ToString(), "-x", "600", "-i", "-vv"],
            TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("All usrloc tests completed successful", result.Output);
        var binding = Assert.Single(await BindingsAsync("sip:alice@127.0.0.1"));
        Assert.Equal($"sip:alice@127.0.0.1:{localPort}", binding.GetProperty("contact").GetString());
        Assert.InRange(binding.GetProperty("expiresSeconds").GetInt64(), 590, 600);
    }

    [Fact]
    public async Task Sipsak_with_a_wrong_password_is_refused()
    {
        var localPort = FreePorts.Next();
        var result = await ExternalTool.RunAsync("sipsak",
            ["-U", "-s", $"sip:carol@127.0.0.1:{Deployment.SipPort}", "-a", "wrong", "-u", "carol", "-l", localPort.ToString(), "-x", "600", "-i", "-vv"],
            TimeSpan.FromSeconds(30));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Empty(await BindingsAsync("sip:carol@127.0.0.1"));
    }

    [Fact]
    public async Task Sipp_registers_a_thousand_users_with_digest_without_failures()
    {
        const int users = 1000;
        using (var http = new HttpClient { BaseAddress = new Uri(Deployment.RouterApi) })
        {
            var csv = string.Join("\n", Enumerable.Range(0, users).Select(i => $"load{i:0000},127.0.0.1,pw{i:0000}"));
            using var import = await http.PostAsync("/api/router/accounts/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
            Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        }
        var injection = Path.Combine(Deployment.DataDirectory, "load-users.csv");
        await File.WriteAllLinesAsync(injection, Enumerable.Range(0, users)
            .Select(i => $"load{i:0000};pw{i:0000};[authentication username=load{i:0000} password=pw{i:0000}]")
            .Prepend("SEQUENTIAL"));
        var scenario = Path.Combine(AppContext.BaseDirectory, "Scenarios", "register_auth.xml");
        var result = await ExternalTool.RunAsync("sipp",
        [
            $"127.0.0.1:{Deployment.SipPort}", "-sf", scenario, "-inf", injection, "-i", "127.0.0.1", "-p", FreePorts.Next().ToString(),
            "-m", users.ToString(), "-r", "200", "-timeout", "60s", "-timeout_error", "-nostdin", "-trace_err",
        ], TimeSpan.FromSeconds(90), Deployment.DataDirectory);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Single(await BindingsAsync("sip:load0999@127.0.0.1"));
    }

    [Fact]
    public async Task Baresip_registers_with_a_password()
    {
        var directory = Directory.CreateTempSubdirectory("baresip-").FullName;
        var sipPort = FreePorts.Next();
        await File.WriteAllTextAsync(Path.Combine(directory, "config"), string.Join('\n',
            // 127.0.0.2: a loopback address of its own, so no ephemeral port of the many test connections can collide.
            "poll_method epoll", $"sip_listen 127.0.0.2:{sipPort}", "net_interface 127.0.0.2",
            "audio_player aubridge,nil", "audio_source aubridge,nil", "audio_alert aubridge,nil",
            "module_path /usr/lib/baresip/modules", "module g711.so", "module aubridge.so", "module_tmp account.so") + "\n");
        await File.WriteAllTextAsync(Path.Combine(directory, "accounts"),
            $"<sip:bob@127.0.0.1:{Deployment.SipPort}>;auth_pass=bobpw;regint=600;answermode=auto\n");
        // baresip quits by itself after -t seconds (un-registering); the binding is checked while it runs.
        var run = ExternalTool.RunAsync("baresip", ["-4", "-f", directory, "-t", "15"], TimeSpan.FromSeconds(40));
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(14);
            IReadOnlyList<JsonElement> bindings = [];
            while (DateTime.UtcNow < deadline && bindings.Count == 0)
            {
                await Task.Delay(300);
                bindings = await BindingsAsync("sip:bob@127.0.0.1");
            }
            Assert.Single(bindings);
            Assert.Contains($":{sipPort}", bindings[0].GetProperty("contact").GetString());
        }
        finally
        {
            await run;
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<IReadOnlyList<JsonElement>> BindingsAsync(string aor)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Deployment.RegistrarApi) };
        return await http.GetFromJsonAsync<List<JsonElement>>($"/api/registrar/bindings?aor={Uri.EscapeDataString(aor)}") ?? [];
    }
}

public sealed class AllInOneRegistrarTests(AllInOneDeployment deployment) : RegistrarContract<AllInOneDeployment>(deployment);

public sealed class DistributedRegistrarTests(DistributedDeployment deployment) : RegistrarContract<DistributedDeployment>(deployment);

/// <summary>Bindings survive a restart of the process that keeps them (write-behind to SQLite, flushed on stop).</summary>
public abstract class RegistrarRestartContract<TDeployment> where TDeployment : SwitchboardDeployment, new()
{
    [Fact]
    public async Task Bindings_survive_a_restart_of_the_registrar()
    {
        var deployment = new TDeployment();
        await deployment.InitializeAsync();
        try
        {
            var localPort = FreePorts.Next();
            var result = await ExternalTool.RunAsync("sipsak",
                ["-U", "-s", $"sip:alice@127.0.0.1:{deployment.SipPort}", "-a", "alicepw", "-u", "alice", "-l", localPort.ToString(), "-x", "900", "-i", "-vv"],
                TimeSpan.FromSeconds(30));
            Assert.True(result.ExitCode == 0, result.Output);

            await deployment.RestartAsync(deployment.RegistrarProcessName);

            using var http = new HttpClient { BaseAddress = new Uri(deployment.RegistrarApi) };
            var bindings = await http.GetFromJsonAsync<List<JsonElement>>("/api/registrar/bindings?aor=sip%3Aalice%40127.0.0.1");
            var binding = Assert.Single(bindings!);
            Assert.Contains($":{localPort}", binding.GetProperty("contact").GetString());
            Assert.InRange(binding.GetProperty("expiresSeconds").GetInt64(), 800, 900);
        }
        finally
        {
            await deployment.DisposeAsync();
        }
    }
}

public sealed class AllInOneRegistrarRestartTests : RegistrarRestartContract<AllInOneDeployment>;

public sealed class DistributedRegistrarRestartTests : RegistrarRestartContract<DistributedDeployment>;
