using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;
using Switchboard.GatewayRegistrar.Locating;
using Switchboard.GatewayRegistrar.Registration;
using Switchboard.GatewayRegistrar.Status;
using Switchboard.GatewayRegistrar.Storage;

namespace Switchboard.GatewayRegistrar.Tests.Support;

/// <summary>One instance of the service: its own connection to the shared file, client double, status and metrics.</summary>
internal sealed class SupervisorInstance
{
    public SupervisorInstance(string id, SqliteGatewayDatabase database, TimerCountingTimeProvider time)
    {
        Client = new RecordingSipClientRequests(algorithms: [Auth.Digest.DigestAlgorithm.Md5], time: time);
        Store = new SqliteGatewayStore(database);
        Leases = new SqliteGatewayLeases(database);
        var options = new GatewayRegistrarOptions { InstanceId = id, PublicAddress = "198.51.100.7" };
        Supervisor = new GatewayRegistrarSupervisor(Store, Leases, Client, new AddressGatewayLocator(),
            new SettableOptionsMonitor<GatewayRegistrarOptions>(options), Board, new GatewayRegistrarMetrics(Metrics.WithCustomRegistry(Metrics.NewCustomRegistry())),
            Events, time, NullLogger<GatewayRegistrarSupervisor>.Instance);
    }

    public RecordingSipClientRequests Client { get; }

    public SqliteGatewayStore Store { get; }

    public SqliteGatewayLeases Leases { get; }

    public GatewayStatusBoard Board { get; } = new();

    public RecordingEventPublisher Events { get; } = new();

    public GatewayRegistrarSupervisor Supervisor { get; }
}
