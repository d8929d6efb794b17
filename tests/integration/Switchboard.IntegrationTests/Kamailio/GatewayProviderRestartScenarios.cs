using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Kamailio;

/// <summary>
/// The provider restarts (Kamailio stopped by pid and started again on the same port; it keeps registrations in
/// memory, so the trunk is unregistered there): Switchboard's short refresh schedule ("Register every" 10 s, refresh
/// 5 s before expiry) registers it again and inbound calls reach the gateway's inbound account again. Loopback is not
/// trusted here: the inbound calls pass because they come from the gateway's address. The wiring comes from the
/// derived class.
/// </summary>
public abstract class GatewayProviderRestartScenarios : IAsyncLifetime
{
    internal const string InboundAccount = "--Gateways:InboundAccounts:provider=alice";

    private readonly IGatewayDeployment _switchboard;
    private KamailioProcess _kamailio = null!;
    private HttpClient _http = null!;

    private protected GatewayProviderRestartScenarios(IGatewayDeployment switchboard)
    {
        _switchboard = switchboard;
    }

    public async Task InitializeAsync()
    {
        _kamailio = await KamailioProcess.StartAsync(defines: ["MIN_EXPIRES=10"]);
        await _switchboard.InitializeAsync();
        _http = new HttpClient { BaseAddress = new Uri(_switchboard.GatewayApi), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        await _switchboard.DisposeAsync();
        await _kamailio.DisposeAsync();
    }

    [Fact]
    public async Task After_a_provider_restart_the_trunk_registers_again_and_inbound_calls_ring_the_local_user_again()
    {
        await GatewayTrunk.AddAsync(_http, "provider", _kamailio, _switchboard.SipPort, registerEvery: 10);
        await GatewayTrunk.WaitForStateAsync(_http, "provider", "Registered", TimeSpan.FromSeconds(30), Diagnostics);
        using var phone = new SipProbe();
        await ProbeRegistration.RegisterAsync(phone, _switchboard.SipPort, "alice", "alicepw");
        using var caller = new SipProbe();
        Assert.Equal(486, await InboundCallAsync(caller, phone, "z9hG4bKbefore"));

        var restartedAt = DateTimeOffset.UtcNow;
        _kamailio = await _kamailio.RestartAsync();

        // Bounded: the refresh is due within ~5 s of any registration; allow 30 s on a loaded machine.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var answers = new List<int>();
        for (var attempt = 0; DateTime.UtcNow < deadline; attempt++)
        {
            int status = await InboundCallAsync(caller, phone, $"z9hG4bKafter{attempt}");
            answers.Add(status);
            if (status == 486)
            {
                break;
            }

            Assert.Equal(480, status); // Kamailio has no binding for the trunk (yet)
            await Task.Delay(1000);
        }

        Assert.True(answers.LastOrDefault() == 486, $"answers after the restart: {string.Join(", ", answers)}\n{Diagnostics()}");
        var status2 = await GatewayTrunk.WaitForStateAsync(_http, "provider", "Registered", TimeSpan.FromSeconds(10), Diagnostics);
        Assert.True(status2.GetProperty("lastAttempt").GetDateTimeOffset() > restartedAt, status2.ToString());
    }

    /// <summary>
    /// An INVITE from the "PSTN" through Kamailio to the trunk: the phone answers 486 when it rings; returns the final
    /// status the caller got (486 = rang alice, 480 = Kamailio had no registration for the trunk).
    /// </summary>
    private async Task<int> InboundCallAsync(SipProbe caller, SipProbe phone, string branch)
    {
        await caller.SendAsync(GatewayTrunk.InboundInvite(caller, "4930123", branch), _kamailio.Port);
        if (await GatewayTrunk.ReceiveInviteAsync(phone, 2000, $"{branch}@pstn") is { } delivered)
        {
            await phone.SendAsync(GatewayTrunk.Answer(delivered, 486, "Busy Here", branch), _switchboard.SipPort);
        }

        string final = await GatewayTrunk.ReceiveFinalAsync(caller, branch);
        return int.Parse(final.AsSpan(8, 3), provider: System.Globalization.CultureInfo.InvariantCulture);
    }

    private string Diagnostics() => $"--- kamailio:\n{_kamailio.Output}\n--- switchboard:\n{_switchboard.Output}";
}
