using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Kamailio;

/// <summary>
/// Calls through the trunk with Switchboard (all-in-one) registered at Kamailio: alice dials 9… → router record
/// <c>&lt;9*&gt; = +1*@gateway:pstn</c> → Kamailio challenges the INVITE (407) → Switchboard answers with the trunk
/// credentials → a SIPp UAS behind Kamailio answers; and an inbound call from Kamailio to the trunk's Contact reaches
/// alice's registered contact through the DID mapping <c>trunk → alice</c>. Loopback is trusted (no 407 for alice).
/// </summary>
public sealed class GatewayCallTests : IAsyncLifetime
{
    private readonly GatewayHostDeployment _switchboard = new(
        "--Gateways:Dids:trunk=alice",
        "--Proxy:TrustedNetworks:0=127.0.0.1/32");
    private SippUas _pstn = null!;
    private KamailioProcess _kamailio = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _pstn = SippUas.Start(FreePorts.Next());
        _kamailio = await KamailioProcess.StartAsync(_pstn.Port, ["WITH_INVITE_AUTH"]);
        await _switchboard.InitializeAsync();
        _http = new HttpClient { BaseAddress = new Uri(_switchboard.Api), Timeout = TimeSpan.FromSeconds(30) };
        using (var table = await _http.PutAsync("/api/router/table", new StringContent("<9*> = +1*@gateway:pstn", Encoding.UTF8, "text/plain")))
        {
            Assert.True(table.IsSuccessStatusCode, $"router table: {table.StatusCode} {await table.Content.ReadAsStringAsync()}");
        }

        using var added = await _http.PostAsJsonAsync("/api/gateways", new
        {
            name = "pstn",
            domain = $"127.0.0.1:{_kamailio.Port}",
            username = KamailioProcess.TrunkUser,
            password = KamailioProcess.TrunkPassword,
            contact = $"sip:{KamailioProcess.TrunkUser}@127.0.0.1:{_switchboard.SipPort}",
            registerEvery = 300,
            enabled = true,
        });
        Assert.True(added.IsSuccessStatusCode, $"POST /api/gateways: {added.StatusCode}");
        await WaitForRegisteredAsync();
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        await _switchboard.DisposeAsync();
        await _kamailio.DisposeAsync();
        await _pstn.DisposeAsync();
    }

    [Fact]
    public async Task An_outbound_9_call_is_authenticated_at_the_provider_and_answered_by_the_pstn_with_the_rewritten_number()
    {
        using var alice = new SipProbe();
        await alice.SendAsync(Encoding.ASCII.GetBytes(
            $"INVITE sip:95550100@127.0.0.1:{_switchboard.SipPort} SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP 127.0.0.1:{alice.LocalPort};branch=z9hG4bKout1;rport\r\n" +
            "Max-Forwards: 70\r\n" +
            "From: <sip:alice@127.0.0.1>;tag=alice1\r\n" +
            "To: <sip:95550100@127.0.0.1>\r\n" +
            "Call-ID: out1@127.0.0.1\r\n" +
            "CSeq: 1 INVITE\r\n" +
            $"Contact: <sip:alice@127.0.0.1:{alice.LocalPort}>\r\n" +
            "Content-Length: 0\r\n\r\n"), _switchboard.SipPort);

        string final = await ReceiveFinalAsync(alice, "z9hG4bKout1");

        Assert.True(final.StartsWith("SIP/2.0 200", StringComparison.Ordinal),
            $"{final}\n--- sipp:\n{_pstn.Messages}\n--- kamailio:\n{_kamailio.Output}\n--- switchboard:\n{_switchboard.Output}");
        Assert.Contains("CSeq: 1 INVITE", final);
        string pstn = _pstn.Messages;
        Assert.Contains($"INVITE sip:+15550100@127.0.0.1:{_kamailio.Port}", pstn);
        Assert.Contains("P-Asserted-Identity: <sip:alice@127.0.0.1>", pstn);
    }

    [Fact]
    public async Task An_inbound_call_to_the_trunk_contact_reaches_the_registered_local_user()
    {
        using var phone = new SipProbe();
        await ProbeRegistration.RegisterAsync(phone, _switchboard.SipPort, "alice", "alicepw");
        using var caller = new SipProbe();

        await caller.SendAsync(Encoding.ASCII.GetBytes(
            $"INVITE sip:4930123@{KamailioProcess.Realm} SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP 127.0.0.1:{caller.LocalPort};branch=z9hG4bKin1;rport\r\n" +
            "Max-Forwards: 70\r\n" +
            "From: <sip:+15550001@pstn.test>;tag=pstn1\r\n" +
            $"To: <sip:4930123@{KamailioProcess.Realm}>\r\n" +
            "Call-ID: in1@pstn\r\n" +
            "CSeq: 1 INVITE\r\n" +
            $"Contact: <sip:caller@127.0.0.1:{caller.LocalPort}>\r\n" +
            "Content-Length: 0\r\n\r\n"), _kamailio.Port);

        string? delivered = await phone.ReceiveAsync(10_000);
        if (delivered is null)
        {
            var heard = new StringBuilder();
            for (var i = 0; i < 5 && await caller.ReceiveAsync(1000) is { } message; i++)
            {
                heard.AppendLine(message);
            }

            string bindings = await _http.GetStringAsync("/api/registrar/bindings?aor=sip%3Aalice%40127.0.0.1");
            throw new TimeoutException($"no INVITE at alice's contact; bindings {bindings}; caller got {heard}\n--- kamailio:\n{_kamailio.Output}\n--- switchboard:\n{_switchboard.Output}");
        }

        Assert.StartsWith("INVITE sip:alice@", delivered);
        Assert.Contains("Call-ID: in1@pstn", delivered);
    }

    private async Task WaitForRegisteredAsync()
    {
        string last = "";
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var response = await _http.GetAsync("/api/gateways/pstn/status");
            last = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK && JsonDocument.Parse(last).RootElement.GetProperty("state").GetString() == "Registered")
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"gateway not registered: {last}\n{_kamailio.Output}");
    }

    /// <summary>The final answer carrying <paramref name="branch"/> (retransmitted answers to earlier requests are skipped).</summary>
    private static async Task<string> ReceiveFinalAsync(SipProbe probe, string branch)
    {
        for (var i = 0; i < 20; i++)
        {
            var answer = await probe.ReceiveAsync(10_000) ?? throw new TimeoutException("no final answer");
            if (!answer.StartsWith("SIP/2.0 1", StringComparison.Ordinal) && answer.Contains($"branch={branch};", StringComparison.Ordinal))
            {
                return answer;
            }
        }

        throw new InvalidOperationException("only provisional answers");
    }
}
