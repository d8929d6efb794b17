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
        await caller.SendAsync(GatewayTrunk.InboundInvite(caller, "4930120", "z9hG4bKbefore"), _kamailio.Port);
        Assert.StartsWith("SIP/2.0 480", await GatewayTrunk.ReceiveFinalAsync(caller, "z9hG4bKbefore", 5000)); // no binding yet

        // Asks 60 s: Kamailio answers 423 with Min-Expires 120, the loop raises it, then answers the 401 with Digest.
        await GatewayTrunk.AddAsync(_http, "provider", _kamailio, _switchboard.SipPort, registerEvery: 60);
        var status = await GatewayTrunk.WaitForStateAsync(_http, "provider", "Registered", TimeSpan.FromSeconds(20), Diagnostics);
        Assert.Equal(200, status.GetProperty("lastStatusCode").GetInt32());
        var granted = status.GetProperty("expires").GetDateTimeOffset() - status.GetProperty("lastAttempt").GetDateTimeOffset();
        Assert.InRange(granted, TimeSpan.FromSeconds(110), TimeSpan.FromSeconds(121));

        // Kamailio delivers to the Contact registered by Switchboard: Switchboard itself answers (trunk is no account: 404).
        await caller.SendAsync(GatewayTrunk.InboundInvite(caller, "4930123", "z9hG4bKinbound1"), _kamailio.Port);
        var answer = await GatewayTrunk.ReceiveFinalAsync(caller, "z9hG4bKinbound1", 5000);
        Assert.True(answer.StartsWith("SIP/2.0 404", StringComparison.Ordinal), $"{answer}\n{Diagnostics()}");

        using (var removed = await _http.DeleteAsync("/api/gateways/provider"))
        {
            Assert.True(removed.IsSuccessStatusCode, $"DELETE: {removed.StatusCode}");
        }

        await WaitForBindingGoneAsync(caller);
    }

    [Fact]
    public async Task A_wrong_password_is_reported_as_a_failed_registration()
    {
        await GatewayTrunk.AddAsync(_http, "provider", _kamailio, _switchboard.SipPort, registerEvery: 300, password: "wrong");

        var status = await GatewayTrunk.WaitForStateAsync(_http, "provider", "Failed", TimeSpan.FromSeconds(20), Diagnostics);

        Assert.Equal(401, status.GetProperty("lastStatusCode").GetInt32());
    }

    /// <summary>After the unregister (Expires: 0) Kamailio has no binding again: 480 (bounded retries).</summary>
    private async Task WaitForBindingGoneAsync(SipProbe caller)
    {
        var answer = "";
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await caller.SendAsync(GatewayTrunk.InboundInvite(caller, "4930124", $"z9hG4bKafter{attempt}"), _kamailio.Port);
            answer = await GatewayTrunk.ReceiveFinalAsync(caller, $"z9hG4bKafter{attempt}", 5000);
            if (answer.StartsWith("SIP/2.0 480", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException($"the binding is still there: {answer}\n{_kamailio.Output}");
    }

    private string Diagnostics() => $"--- kamailio:\n{_kamailio.Output}\n--- switchboard:\n{_switchboard.Output}";
}
