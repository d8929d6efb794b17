using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Media;

/// <summary>
/// The distributed wiring with the media relay as its own service, twice: router, registrar, two media-proxy
/// instances (each half of the RTP range, by slot; 8 s media timeout), the transaction service (which picks one instance per Call-ID
/// among <c>Services:media-proxy-grpc</c>) and an edge. LAN = 127.0.0.2, loopback trusted, as in
/// <see cref="MediaRelayDeployment"/>.
/// </summary>
public class MediaDistributedDeployment : SwitchboardDeployment
{
    public static readonly string[] MediaProxies = ["media-a", "media-b"];

    /// <summary>Short enough for a silent-call test, far longer than any pause in the calls that send RTP.</summary>
    public static readonly TimeSpan MediaTimeout = TimeSpan.FromSeconds(8);

    private readonly Dictionary<string, string> _mediaHttp = [];

    public override string Name => "distributed (two media relays)";

    public override string RegistrarProcessName => "registrar";

    /// <summary>Process name of each media-proxy instance to its <c>/api/media/sessions</c>.</summary>
    public IReadOnlyDictionary<string, string> SessionApiOf => _mediaHttp.ToDictionary(p => p.Key, p => p.Value + "/api/media/sessions");

    public IReadOnlyList<string> SessionApis => MediaProxies.Select(name => SessionApiOf[name]).ToArray();

    /// <summary>Bus settings of a variant for the media proxies and the transaction service (none: in-process buses).</summary>
    protected virtual IEnumerable<string> BusArguments => [];

    /// <summary>Extra settings of a variant for both media-proxy processes.</summary>
    protected virtual IEnumerable<string> RelayArguments => [];

    /// <summary>Extra proxy settings of a variant.</summary>
    protected virtual IEnumerable<string> ProxyArguments => [];

    private static string MediaProxyService =>
        RepositoryPaths.HostDll("services/media-proxy/Switchboard.MediaProxy.Service", "Switchboard.MediaProxy.Service");

    private IEnumerable<string> ServiceArguments(int http, int grpc) =>
    [
        $"--Kestrel:Endpoints:http:Url=http://127.0.0.1:{http}",
        $"--Kestrel:Endpoints:grpc:Url=http://127.0.0.1:{grpc}",
        $"--Storage:DataDirectory={DataDirectory}",
    ];

    public override async Task InitializeAsync()
    {
        var (routerHttp, routerGrpc) = (FreePorts.Next(), FreePorts.Next());
        var (registrarHttp, registrarGrpc) = (FreePorts.Next(), FreePorts.Next());
        var (transactionHttp, transactionGrpc) = (FreePorts.Next(), FreePorts.Next());
        var edgeHttp = FreePorts.Next();
        RouterApi = $"http://127.0.0.1:{routerHttp}";
        RegistrarApi = $"http://127.0.0.1:{registrarHttp}";
        var router = Start("router", RepositoryPaths.RouterService, ServiceArguments(routerHttp, routerGrpc), RouterApi + "/health");
        var registrar = Start("registrar", RepositoryPaths.RegistrarService, ServiceArguments(registrarHttp, registrarGrpc), RegistrarApi + "/health");
        var mediaGrpc = new List<int>();
        var media = new List<(ServerProcess Process, string Health)>();
        for (var slot = 1; slot <= MediaProxies.Length; slot++)
        {
            var (http, grpc) = (FreePorts.Next(), FreePorts.Next());
            var name = MediaProxies[slot - 1];
            _mediaHttp[name] = $"http://127.0.0.1:{http}";
            mediaGrpc.Add(grpc);
            media.Add((Start(name, MediaProxyService, ServiceArguments(http, grpc).Concat([
                $"--MediaProxy:InstanceId={name}",
                $"--MediaProxy:LanAddress={MediaRelayDeployment.RelayAddress}",
                $"--MediaProxy:WanAddress={MediaRelayDeployment.RelayAddress}",
                $"--MediaProxy:PortRangeSlots={MediaProxies.Length}",
                $"--MediaProxy:PortRangeSlot={slot}",
                $"--MediaProxy:MediaTimeout={MediaTimeout:c}",
                "--MediaProxy:TimeoutSweepInterval=00:00:01",
            ]).Concat(BusArguments).Concat(RelayArguments), _mediaHttp[name] + "/health"), _mediaHttp[name] + "/health"));
        }

        await router.WaitForHttpAsync(RouterApi + "/health", TimeSpan.FromSeconds(60));
        await registrar.WaitForHttpAsync(RegistrarApi + "/health", TimeSpan.FromSeconds(60));
        foreach (var (process, health) in media)
        {
            await process.WaitForHttpAsync(health, TimeSpan.FromSeconds(60));
        }

        await ProvisionAsync();
        var transaction = Start("transaction", RepositoryPaths.TransactionService,
            ServiceArguments(transactionHttp, transactionGrpc).Concat([
                $"--Services:router-grpc:Endpoints:0=http://127.0.0.1:{routerGrpc}",
                $"--Services:registrar-grpc:Endpoints:0=http://127.0.0.1:{registrarGrpc}",
                .. mediaGrpc.Select((port, i) => $"--Services:media-proxy-grpc:Endpoints:{i}=http://127.0.0.1:{port}"),
                $"--Proxy:UdpPort={SipPort}",
                $"--Proxy:TcpPort={SipPort}",
                $"--Proxy:TlsPort={TlsPort}",
                $"--Proxy:Media:LanNetworks:0={MediaRelayDeployment.LanAddress}/32",
                "--Proxy:TrustedNetworks:0=127.0.0.0/8",
            ]).Concat(BusArguments).Concat(ProxyArguments), $"http://127.0.0.1:{transactionHttp}/health");
        await transaction.WaitForHttpAsync($"http://127.0.0.1:{transactionHttp}/health", TimeSpan.FromSeconds(60));
        var edge = Start("edge", RepositoryPaths.EdgeService,
            EdgeArguments().Concat([
                $"--Kestrel:Endpoints:http:Url=http://127.0.0.1:{edgeHttp}",
                $"--SipCoreLink:Address=http://127.0.0.1:{transactionGrpc}",
            ]), $"http://127.0.0.1:{edgeHttp}/health");
        await edge.WaitForHttpAsync($"http://127.0.0.1:{edgeHttp}/health", TimeSpan.FromSeconds(60));
        await WaitForSipAsync(TimeSpan.FromSeconds(30));
    }
}

/// <summary>
/// The two-relay distributed wiring on the RabbitMQ of <c>SWITCHBOARD_RABBITMQ</c>, the proxy ending calls whose media
/// timed out: <c>MediaSessionTimedOut</c> travels from a media-proxy process to the transaction service over the broker.
/// </summary>
public sealed class MediaTimeoutByeDistributedDeployment : MediaDistributedDeployment
{
    private readonly RabbitMqBroker _broker = RabbitMqBroker.FromEnvironment();

    public override string Name => "distributed (two media relays, RabbitMQ, calls ended on timeout)";

    protected override IEnumerable<string> BusArguments => ["--Bus:Transport=RabbitMq", $"--Bus:RabbitMq:Uri={_broker.Uri}"];

    protected override IEnumerable<string> ProxyArguments => ["--Proxy:Media:EndCallOnTimeout=true"];
}

/// <summary>The two-media-relay distributed wiring with kernel forwarding required in both media-proxy processes.</summary>
public sealed class MediaKernelDistributedDeployment : MediaDistributedDeployment
{
    public override string Name => "distributed (two media relays, kernel forwarding)";

    protected override IEnumerable<string> RelayArguments => ["--MediaProxy:KernelForwarding=Required"];
}
