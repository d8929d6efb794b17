using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;
using Switchboard.Contracts.Events;
using Switchboard.Contracts.Gateway;
using Switchboard.Contracts.Sip;
using Switchboard.GatewayRegistrar.Registration;
using Switchboard.GatewayRegistrar.Status;
using Switchboard.GatewayRegistrar.Storage;
using Switchboard.IntegrationTests.Infrastructure;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Switchboard.IntegrationTests.Kamailio;

/// <summary>
/// The gateway registrar against a real provider (Kamailio with Digest auth): register, take an inbound call on the
/// registered Contact, unregister on stop. SIP goes over <see cref="UdpSipClientRequests"/> (a real socket) until
/// the transaction layer's client transactions are wired in.
/// </summary>
public sealed class GatewayRegistrationTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "sb-gw-it-" + Guid.NewGuid().ToString("N"));
    private readonly UdpSipClientRequests _udp = new();
    private readonly RecordingEventPublisher _events = new();
    private readonly GatewayStatusBoard _board = new();
    private KamailioProcess _kamailio = null!;

    public async Task InitializeAsync() => _kamailio = await KamailioProcess.StartAsync(defines: ["MIN_EXPIRES=120"]);

    public async Task DisposeAsync()
    {
        await _kamailio.DisposeAsync();
        _udp.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task Registers_at_kamailio_receives_inbound_calls_and_unregisters_on_stop()
    {
        var (supervisor, store) = CreateRegistrar();
        // Asks 60 s: Kamailio answers 423 with Min-Expires 120, the loop raises and registers at once.
        await store.AddAsync(new GatewaySettings("provider", KamailioProcess.Realm, KamailioProcess.TrunkUser, KamailioProcess.TrunkPassword,
            $"sip:{KamailioProcess.TrunkUser}@127.0.0.1:{_udp.LocalPort}", 60, true));

        await supervisor.TickAsync();
        var status = await WaitForStateAsync(GatewayRegistrationState.Registered);

        Assert.Equal(200, status.LastStatusCode);
        Assert.Equal(["60", "60", "120"], _udp.Sent.Select(r => r.Headers.Single(h => h.Name == "Expires").Value)); // 401, 423, 200
        Assert.InRange(status.Expires!.Value - status.LastAttempt!.Value, TimeSpan.FromSeconds(115), TimeSpan.FromSeconds(120));
        Assert.Contains(_events.Events, e => e is GatewayRegistered { GatewayName: "provider", Status: 200 });

        using var caller = new SipProbe();
        await caller.SendAsync(Invite(caller, "4930123", "z9hG4bKinbound1"), _kamailio.Port);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var delivered = await _udp.ReceivedRequests.Reader.ReadAsync(wait.Token);
        Assert.StartsWith($"INVITE sip:{KamailioProcess.TrunkUser}@127.0.0.1:{_udp.LocalPort}", delivered);

        await supervisor.StopAsync(CancellationToken.None);
        Assert.Equal(GatewayRegistrationState.Unregistered, _board.Get("provider")!.State);
        Assert.Equal(200, _board.Get("provider")!.LastStatusCode);

        await caller.SendAsync(Invite(caller, "4930124", "z9hG4bKinbound2"), _kamailio.Port);
        Assert.StartsWith("SIP/2.0 480", await ReceiveFinalAsync(caller));
    }

    [Fact]
    public async Task A_wrong_password_is_reported_as_a_failed_registration()
    {
        var (supervisor, store) = CreateRegistrar();
        await store.AddAsync(new GatewaySettings("provider", KamailioProcess.Realm, KamailioProcess.TrunkUser, "wrong",
            $"sip:{KamailioProcess.TrunkUser}@127.0.0.1:{_udp.LocalPort}", 300, true));

        await supervisor.TickAsync();
        var status = await WaitForStateAsync(GatewayRegistrationState.Failed);
        await supervisor.StopAsync(CancellationToken.None);

        Assert.Equal(401, status.LastStatusCode);
        Assert.Contains(_events.Events, e => e is GatewayRegistrationFailed { GatewayName: "provider", Status: 401 });
    }

    private (GatewayRegistrarSupervisor Supervisor, SqliteGatewayStore Store) CreateRegistrar()
    {
        var database = new SqliteGatewayDatabase(MsOptions.Create(new GatewayStorageOptions { DataDirectory = _dataDirectory }));
        var store = new SqliteGatewayStore(database);
        var locator = new StaticGatewayLocator(KamailioProcess.Realm, new SipClientDestination("127.0.0.1", _kamailio.Port, SipTransport.Udp));
        var options = new GatewayRegistrarOptions { InstanceId = "it", SupervisorInterval = TimeSpan.FromSeconds(1) };
        var supervisor = new GatewayRegistrarSupervisor(store, new SqliteGatewayLeases(database), _udp, locator, MsOptions.Create(options), _board,
            new GatewayRegistrarMetrics(Metrics.WithCustomRegistry(Metrics.NewCustomRegistry())), _events, TimeProvider.System,
            NullLogger<GatewayRegistrarSupervisor>.Instance);
        return (supervisor, store);
    }

    private async Task<GatewayStatus> WaitForStateAsync(GatewayRegistrationState state)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (_board.Get("provider") is { } status && status.State == state)
            {
                return status;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"gateway not {state}: {_board.Get("provider")}\n{_kamailio.Output}");
    }

    private static async Task<string> ReceiveFinalAsync(SipProbe probe)
    {
        for (var i = 0; i < 20; i++)
        {
            var answer = await probe.ReceiveAsync(5000) ?? throw new TimeoutException("no answer from kamailio");
            if (!answer.StartsWith("SIP/2.0 1", StringComparison.Ordinal))
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
