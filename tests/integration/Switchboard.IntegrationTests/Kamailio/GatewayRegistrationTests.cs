using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Kamailio;

/// <summary>
/// Switchboard (the all-in-one host as a process) registers to a real provider (Kamailio with Digest auth) through
/// its own client transactions: a gateway added over the admin API, 423 → raised expiry, 401 → Digest, 200; an
/// inbound call to the registered Contact reaches Switchboard; removing the gateway unregisters it.
/// </summary>
public sealed class GatewayRegistrationTests : IAsyncLifetime
{
    private readonly GatewayHostDeployment _switchboard = new();
    private KamailioProcess _kamailio = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _kamailio = await KamailioProcess.StartAsync(defines: ["MIN_EXPIRES=120"]);
        await _switchboard.InitializeAsync();
        _http = new HttpClient { BaseAddress = new Uri(_switchboard.Api), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        await _switchboard.DisposeAsync();
        await _kamailio.DisposeAsync();
    }

    [Fact]
    public async Task Registers_at_kamailio_through_its_own_transactions_receives_inbound_calls_and_unregisters_on_removal()
    {
        using var caller = new SipProbe();
        await caller.SendAsync(Invite(caller, "4930120", "z9hG4bKbefore"), _kamailio.Port);
        Assert.StartsWith("SIP/2.0 480", await ReceiveFinalAsync(caller, "z9hG4bKbefore")); // no binding yet

        // Asks 60 s: Kamailio answers 423 with Min-Expires 120, the loop raises it, then answers the 401 with Digest.
        await AddGatewayAsync(KamailioProcess.TrunkPassword, registerEvery: 60);
        var status = await WaitForStatusAsync("Registered");
        Assert.Equal(200, status.GetProperty("lastStatusCode").GetInt32());
        var granted = status.GetProperty("expires").GetDateTimeOffset() - status.GetProperty("lastAttempt").GetDateTimeOffset();
        Assert.InRange(granted, TimeSpan.FromSeconds(110), TimeSpan.FromSeconds(121));

        // Kamailio delivers to the Contact registered by Switchboard: Switchboard itself answers (trunk is no account: 404).
        await caller.SendAsync(Invite(caller, "4930123", "z9hG4bKinbound1"), _kamailio.Port);
        var answer = await ReceiveFinalAsync(caller, "z9hG4bKinbound1");
        Assert.True(answer.StartsWith("SIP/2.0 404", StringComparison.Ordinal), $"{answer}\n{_kamailio.Output}\n{_switchboard.Output}");

        using (var removed = await _http.DeleteAsync("/api/gateways/provider"))
        {
            Assert.True(removed.IsSuccessStatusCode, $"DELETE: {removed.StatusCode}");
        }

        await WaitForBindingGoneAsync(caller);
    }

    [Fact]
    public async Task A_wrong_password_is_reported_as_a_failed_registration()
    {
        await AddGatewayAsync("wrong", registerEvery: 300);

        var status = await WaitForStatusAsync("Failed");

        Assert.Equal(401, status.GetProperty("lastStatusCode").GetInt32());
    }

    private async Task AddGatewayAsync(string password, int registerEvery)
    {
        using var response = await _http.PostAsJsonAsync("/api/gateways", new
        {
            name = "provider",
            domain = $"127.0.0.1:{_kamailio.Port}",
            username = KamailioProcess.TrunkUser,
            password,
            contact = $"sip:{KamailioProcess.TrunkUser}@127.0.0.1:{_switchboard.SipPort}",
            registerEvery,
            enabled = true,
        });
        Assert.True(response.IsSuccessStatusCode, $"POST /api/gateways: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<JsonElement> WaitForStatusAsync(string state)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await _http.GetAsync("/api/gateways/provider/status");
            last = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var status = JsonDocument.Parse(last).RootElement.Clone();
                if (status.GetProperty("state").GetString() == state)
                {
                    return status;
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"gateway not {state}: {last}\n{_kamailio.Output}\n{_switchboard.Output}");
    }

    /// <summary>After the unregister (Expires: 0) Kamailio has no binding again: 480 (bounded retries).</summary>
    private async Task WaitForBindingGoneAsync(SipProbe caller)
    {
        var answer = "";
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await caller.SendAsync(Invite(caller, "4930124", $"z9hG4bKafter{attempt}"), _kamailio.Port);
            answer = await ReceiveFinalAsync(caller, $"z9hG4bKafter{attempt}");
            if (answer.StartsWith("SIP/2.0 480", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException($"the binding is still there: {answer}\n{_kamailio.Output}");
    }

    /// <summary>The final answer carrying <paramref name="branch"/> (retransmitted answers to earlier requests are skipped).</summary>
    private static async Task<string> ReceiveFinalAsync(SipProbe probe, string branch)
    {
        for (var i = 0; i < 20; i++)
        {
            var answer = await probe.ReceiveAsync(5000) ?? throw new TimeoutException("no answer from kamailio");
            if (!answer.StartsWith("SIP/2.0 1", StringComparison.Ordinal) && answer.Contains($"branch={branch};", StringComparison.Ordinal))
            {
                return answer;
            }
        }

        throw new InvalidOperationException("only provisional answers");
    }

    private static byte[] Invite(SipProbe probe, string number, string branch) => Encoding.ASCII.GetBytes(
        $"INVITE sip:{number}@{KamailioProcess.Realm} SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:{probe.LocalPort};branch={branch};rport\r\n" +
        "Max-Forwards: 70\r\n" +
        $"From: <sip:+15550001@pstn.test>;tag={branch}\r\n" +
        $"To: <sip:{number}@{KamailioProcess.Realm}>\r\n" +
        $"Call-ID: {branch}@pstn\r\n" +
        "CSeq: 1 INVITE\r\n" +
        $"Contact: <sip:caller@127.0.0.1:{probe.LocalPort}>\r\n" +
        "Content-Length: 0\r\n\r\n");
}
