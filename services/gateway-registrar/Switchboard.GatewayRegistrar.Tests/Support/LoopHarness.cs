using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;
using Switchboard.Contracts.Gateway;
using Switchboard.GatewayRegistrar.Gateways;
using Switchboard.GatewayRegistrar.Locating;
using Switchboard.GatewayRegistrar.Registration;
using Switchboard.GatewayRegistrar.Status;

namespace Switchboard.GatewayRegistrar.Tests.Support;

/// <summary>Everything a session or loop needs, with fake time, a private metrics registry and recording doubles.</summary>
internal sealed class LoopHarness
{
    public const string Contact = "sip:trunk@198.51.100.7:5060";

    public LoopHarness(RecordingSipClientRequests? client = null, double jitter = 0.5)
    {
        Client = client ?? new RecordingSipClientRequests(algorithms: [Auth.Digest.DigestAlgorithm.Md5], time: Time);
        Metrics = new GatewayRegistrarMetrics(Prometheus.Metrics.WithCustomRegistry(Registry));
        Context = new GatewayLoopContext(Options, new RegistrationSchedule(Options, () => jitter), Board, Metrics, Events, Time,
            NullLogger.Instance, "instance-a");
    }

    public TimerCountingTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public GatewayRegistrarOptions Options { get; } = new() { PublicAddress = "198.51.100.7:5060" };

    public CollectorRegistry Registry { get; } = Prometheus.Metrics.NewCustomRegistry();

    public RecordingSipClientRequests Client { get; }

    public RecordingEventPublisher Events { get; } = new();

    public GatewayStatusBoard Board { get; } = new();

    public GatewayRegistrarMetrics Metrics { get; }

    public GatewayLoopContext Context { get; }

    public static GatewaySettings Trunk(int every = 3600, string domain = "127.0.0.1:5090") =>
        new("trunk", domain, "trunk", "trunkpw", null, every, true);

    public GatewaySession Session(GatewaySettings? settings = null, IGatewayLocator? locator = null)
    {
        settings ??= Trunk();
        GatewayAddress.TryParse(settings.Domain, out var address);
        return new GatewaySession(settings, address!, Contact, "test", Client, locator ?? new AddressGatewayLocator());
    }

    public GatewayRegistrationLoop Loop(GatewaySettings? settings = null)
    {
        settings ??= Trunk();
        return new GatewayRegistrationLoop(settings, Session(settings), Context);
    }

    public async Task<string> MetricsTextAsync()
    {
        using var stream = new MemoryStream();
        await Registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
