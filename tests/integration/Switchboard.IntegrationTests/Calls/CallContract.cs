using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Calls;

/// <summary>
/// Calls and messages through the proxy with real peers (issue: router and proxy), against both wirings: SIPp
/// callers and callees with digest, record-routing, forking, CANCEL, 486, MESSAGE, router records, the relay
/// policy, and baresip to baresip. Every callee is an account of its own, so no binding of another test interferes.
/// </summary>
public abstract partial class CallContract<TDeployment> : IClassFixture<TDeployment> where TDeployment : SwitchboardDeployment
{
    protected CallContract(TDeployment deployment) => Deployment = deployment;

    protected TDeployment Deployment { get; }

    [Fact]
    public async Task A_call_is_challenged_record_routed_and_ended_through_the_proxy()
    {
        await CreateAccountAsync("callee");
        var port = FreePorts.Next();
        await SippPeer.RegisterAsync(Deployment, "callee", port);
        var messages = Path.Combine(Deployment.DataDirectory, $"callee-{port}-messages.log");
        var callee = SippPeer.ServeAsync(Deployment, "call_uas.xml", "callee", port, messageLog: messages);
        var caller = await SippPeer.CallAsync(Deployment, "call_uac.xml", "callee");
        SippPeer.AssertOneSuccessfulCall(caller, "caller");
        SippPeer.AssertOneSuccessfulCall(await callee, "callee");
        // The proxy record-routed with the edge's own address and port, and the BYE came back through it.
        var log = await File.ReadAllTextAsync(messages);
        Assert.Contains($"Record-Route: <sip:127.0.0.1:{Deployment.SipPort};", log);
        Assert.Matches(@"(?m)^BYE sip:callee@127\.0\.0\.1:\d+ SIP/2\.0", log);
    }

    [Fact]
    public async Task Both_devices_of_a_user_ring_and_the_one_that_did_not_answer_is_cancelled()
    {
        await CreateAccountAsync("forked");
        var (answering, ringing) = (FreePorts.Next(), FreePorts.Next());
        await SippPeer.RegisterAsync(Deployment, "forked", answering);
        await SippPeer.RegisterAsync(Deployment, "forked", ringing);
        var answers = SippPeer.ServeAsync(Deployment, "call_uas.xml", "forked", answering);
        var rings = SippPeer.ServeAsync(Deployment, "call_uas_ring.xml", "forked", ringing);
        var caller = await SippPeer.CallAsync(Deployment, "call_uac.xml", "forked");
        SippPeer.AssertOneSuccessfulCall(caller, "caller");
        SippPeer.AssertOneSuccessfulCall(await answers, "answering device");
        SippPeer.AssertOneSuccessfulCall(await rings, "cancelled device");
    }

    [Fact]
    public async Task A_cancel_from_the_caller_before_the_answer_reaches_the_ringing_callee()
    {
        await CreateAccountAsync("ringing");
        var port = FreePorts.Next();
        await SippPeer.RegisterAsync(Deployment, "ringing", port);
        var callee = SippPeer.ServeAsync(Deployment, "call_uas_ring.xml", "ringing", port);
        var caller = await SippPeer.CallAsync(Deployment, "call_uac_cancel.xml", "ringing");
        SippPeer.AssertOneSuccessfulCall(caller, "caller (487)");
        SippPeer.AssertOneSuccessfulCall(await callee, "callee (CANCEL)");
    }

    [Fact]
    public async Task Busy_from_the_callee_reaches_the_caller()
    {
        await CreateAccountAsync("busy");
        var port = FreePorts.Next();
        await SippPeer.RegisterAsync(Deployment, "busy", port);
        var callee = SippPeer.ServeAsync(Deployment, "call_uas_busy.xml", "busy", port);
        var caller = await SippPeer.CallAsync(Deployment, "call_uac_busy.xml", "busy");
        SippPeer.AssertOneSuccessfulCall(caller, "caller (486)");
        SippPeer.AssertOneSuccessfulCall(await callee, "callee (ACK of 486)");
    }

    [Fact]
    public async Task A_message_is_delivered_and_its_200_reaches_the_sender()
    {
        await CreateAccountAsync("reader");
        var port = FreePorts.Next();
        await SippPeer.RegisterAsync(Deployment, "reader", port);
        var recipient = SippPeer.ServeAsync(Deployment, "call_message_uas.xml", "reader", port);
        var sender = await SippPeer.CallAsync(Deployment, "call_message_uac.xml", "reader");
        SippPeer.AssertOneSuccessfulCall(sender, "sender");
        SippPeer.AssertOneSuccessfulCall(await recipient, "recipient");
    }

    [Fact]
    public async Task A_router_record_rewrites_a_9_call_to_a_remote_server()
    {
        var remote = FreePorts.Next();
        using (var http = new HttpClient { BaseAddress = new Uri(Deployment.RouterApi) })
        {
            // 127.0.0.1 is a local domain, but a port that is not the server's makes it another server's address.
            using var put = await http.PutAsync("/api/router/table", new StringContent($"<9*> = *@127.0.0.1:{remote}\n", Encoding.UTF8, "text/plain"));
            Assert.True(put.IsSuccessStatusCode, $"router table: {put.StatusCode} {await put.Content.ReadAsStringAsync()}");
        }
        var server = SippPeer.ServeAsync(Deployment, "call_uas_remote.xml", "123", remote);
        var caller = await SippPeer.CallAsync(Deployment, "call_uac.xml", "9123");
        SippPeer.AssertOneSuccessfulCall(caller, "caller");
        SippPeer.AssertOneSuccessfulCall(await server, "remote server (user 123)");
    }

    [Fact]
    public async Task An_unauthenticated_request_to_a_foreign_domain_is_refused()
    {
        using var probe = new SipProbe();
        var branch = "z9hG4bK-relay" + Guid.NewGuid().ToString("N")[..8];
        await probe.SendAsync(Encoding.ASCII.GetBytes(
            "MESSAGE sip:victim@foreign.example SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP 127.0.0.1:{probe.LocalPort};branch={branch};rport\r\n" +
            "Max-Forwards: 70\r\n" +
            $"From: <sip:mallory@elsewhere.example>;tag={branch}\r\n" +
            "To: <sip:victim@foreign.example>\r\n" +
            $"Call-ID: {branch}@relay\r\n" +
            "CSeq: 1 MESSAGE\r\n" +
            "Content-Type: text/plain\r\n" +
            "Content-Length: 4\r\n\r\nfree"), Deployment.SipPort);
        string? answer = null;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && (answer is null || answer.StartsWith("SIP/2.0 1", StringComparison.Ordinal)))
        {
            answer = await probe.ReceiveAsync(1000);
        }
        Assert.NotNull(answer);
        Assert.StartsWith("SIP/2.0 403", answer);
    }

    [Fact]
    public async Task Baresip_calls_baresip_and_the_call_connects()
    {
        await CreateAccountAsync("bare");
        var calleeDirectory = BaresipDirectory("127.0.0.3", $"<sip:bare@127.0.0.1:{Deployment.SipPort}>;auth_pass=barepw;regint=600;answermode=auto");
        var callerDirectory = BaresipDirectory("127.0.0.2", $"<sip:alice@127.0.0.1:{Deployment.SipPort}>;auth_pass=alicepw;regint=0");
        try
        {
            // The callee answers by itself and quits after -t seconds; the caller dials once the callee is registered.
            var callee = ExternalTool.RunAsync("baresip", ["-4", "-f", calleeDirectory, "-t", "15"], TimeSpan.FromSeconds(45));
            await WaitForBindingAsync("sip:bare@127.0.0.1", TimeSpan.FromSeconds(15));
            var caller = await ExternalTool.RunAsync("baresip",
                ["-4", "-f", callerDirectory, "-e", $"/dial sip:bare@127.0.0.1:{Deployment.SipPort}", "-t", "4"], TimeSpan.FromSeconds(40));
            var calleeResult = await callee;
            Assert.Contains("Call established", caller.Output, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Call established", calleeResult.Output, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Directory.Delete(calleeDirectory, recursive: true);
            Directory.Delete(callerDirectory, recursive: true);
        }
    }

    /// <summary>A baresip configuration on its own loopback address (no ephemeral port of other tests collides).</summary>
    private static string BaresipDirectory(string address, string account)
    {
        var directory = Directory.CreateTempSubdirectory("baresip-call-").FullName;
        File.WriteAllText(Path.Combine(directory, "config"), string.Join('\n',
            "poll_method epoll", $"sip_listen {address}:{FreePorts.Next()}", $"net_interface {address}",
            "call_local_timeout 20", "audio_player aubridge,nil", "audio_source aubridge,nil", "audio_alert aubridge,nil",
            "module_path /usr/lib/baresip/modules", "module g711.so", "module aubridge.so", "module_tmp account.so",
            "module_app menu.so") + "\n");
        File.WriteAllText(Path.Combine(directory, "accounts"), account + "\n");
        return directory;
    }

    private async Task WaitForBindingAsync(string aor, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Deployment.RegistrarApi) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var bindings = await http.GetFromJsonAsync<List<JsonElement>>($"/api/registrar/bindings?aor={Uri.EscapeDataString(aor)}");
            if (bindings is { Count: > 0 })
            {
                return;
            }
            await Task.Delay(200);
        }
        Assert.Fail($"{aor} did not register within {timeout}");
    }

    /// <summary>An account of the test's own in domain 127.0.0.1 (password = name + "pw"), through the admin API.</summary>
    private async Task CreateAccountAsync(string name)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Deployment.RouterApi) };
        using var import = await http.PostAsync("/api/router/accounts/import", new StringContent($"{name},127.0.0.1,{name}pw", Encoding.UTF8, "text/csv"));
        Assert.True(import.IsSuccessStatusCode, $"import {name}: {import.StatusCode} {await import.Content.ReadAsStringAsync()}");
    }
}

public sealed class AllInOneCallTests(AllInOneDeployment deployment) : CallContract<AllInOneDeployment>(deployment);

public sealed class DistributedCallTests(DistributedDeployment deployment) : CallContract<DistributedDeployment>(deployment);
