namespace Switchboard.IntegrationTests.Infrastructure;

/// <summary>
/// The distributed wiring as deployed: router, registrar, one transaction service fed by two edges, and the admin
/// gateway, all on the RabbitMQ of <c>SWITCHBOARD_RABBITMQ</c> with log forwarding on (System Log at the gateway).
/// </summary>
public sealed class BusDistributedDeployment : SwitchboardDeployment
{
    public override string Name => "distributed+bus";

    public override string RegistrarProcessName => "registrar";

    /// <summary>Null until <see cref="InitializeAsync"/>, which fails when the broker is not configured.</summary>
    public RabbitMqBroker Broker { get; private set; } = null!;

    /// <summary>The second edge's SIP port (UDP and TCP); it feeds the same transaction service.</summary>
    public int SecondSipPort { get; } = FreePorts.Next();

    public string GatewayApi { get; private set; } = "";

    /// <summary>Process name to its HTTP base address (/health, /metrics).</summary>
    public IReadOnlyDictionary<string, string> HttpBases => _httpBases;

    private readonly Dictionary<string, string> _httpBases = [];

    private IEnumerable<string> BusArguments(string service) =>
    [
        "--Bus:Transport=RabbitMq",
        $"--Bus:RabbitMq:Uri={Broker.Uri}",
        // A broker outage in a test lasts seconds; the default 30 s back-off would outlast it.
        "--Bus:Queue:MaxBackoff=00:00:01",
        "--SystemLog:Forwarding:Enabled=true",
        $"--SystemLog:Forwarding:Service={service}",
        $"--Storage:DataDirectory={DataDirectory}",
    ];

    /// <summary>
    /// Router and registrar log little below Problems; as an operator would, the deployment maps their host's
    /// lifetime records (started, listening) to their tag at AllInfo, so the System Log shows them too.
    /// </summary>
    private static IEnumerable<string> LifetimeRecords(string tag) =>
        [$"--SystemLog:Categories:Microsoft.Hosting.Lifetime={tag}", $"--SystemLog:Levels:{tag}=AllInfo"];

    private (string Http, IEnumerable<string> Arguments) Service(string name, int? grpc)
    {
        var http = $"http://127.0.0.1:{FreePorts.Next()}";
        _httpBases[name] = http;
        IEnumerable<string> arguments = [$"--Kestrel:Endpoints:http:Url={http}", .. BusArguments(name)];
        if (grpc is { } port)
        {
            arguments = arguments.Append($"--Kestrel:Endpoints:grpc:Url=http://127.0.0.1:{port}");
        }
        return (http, arguments);
    }

    public override async Task InitializeAsync()
    {
        Broker = RabbitMqBroker.FromEnvironment();
        var (routerGrpc, registrarGrpc, transactionGrpc) = (FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
        var (routerHttp, routerArgs) = Service("router", routerGrpc);
        var (registrarHttp, registrarArgs) = Service("registrar", registrarGrpc);
        routerArgs = routerArgs.Concat(LifetimeRecords("ROUTER"));
        registrarArgs = registrarArgs.Concat(LifetimeRecords("REGISTRAR"));
        RouterApi = routerHttp;
        RegistrarApi = registrarHttp;
        var router = Start("router", RepositoryPaths.RouterService, routerArgs, routerHttp + "/health");
        var registrar = Start("registrar", RepositoryPaths.RegistrarService, registrarArgs, registrarHttp + "/health");
        var (gatewayHttp, gatewayArgs) = Service("gateway", null);
        GatewayApi = gatewayHttp;
        var gateway = Start("gateway", RepositoryPaths.AdminGateway, gatewayArgs.Concat([
            $"--Services:router:Endpoints:0={routerHttp}",
            $"--Services:registrar:Endpoints:0={registrarHttp}",
        ]), gatewayHttp + "/health");
        await router.WaitForHttpAsync(routerHttp + "/health", TimeSpan.FromSeconds(60));
        await registrar.WaitForHttpAsync(registrarHttp + "/health", TimeSpan.FromSeconds(60));
        await ProvisionAsync();

        var (transactionHttp, transactionArgs) = Service("transaction", transactionGrpc);
        var transaction = Start("transaction", RepositoryPaths.TransactionService, transactionArgs.Concat([
            $"--Services:router-grpc:Endpoints:0=http://127.0.0.1:{routerGrpc}",
            $"--Services:registrar-grpc:Endpoints:0=http://127.0.0.1:{registrarGrpc}",
            // Apart from the edges, the proxy is told the first edge's ports for its Via and Record-Route.
            $"--Proxy:UdpPort={SipPort}",
            $"--Proxy:TcpPort={SipPort}",
            "--Proxy:ForceRelaying=true",
        ]), transactionHttp + "/health");
        await transaction.WaitForHttpAsync(transactionHttp + "/health", TimeSpan.FromSeconds(60));

        var link = $"--SipCoreLink:Address=http://127.0.0.1:{transactionGrpc}";
        var (edgeHttp, edgeArgs) = Service("edge", null);
        var edge = Start("edge", RepositoryPaths.EdgeService, edgeArgs.Concat(EdgeArguments()).Append(link), edgeHttp + "/health");
        var (edge2Http, edge2Args) = Service("edge2", null);
        var edge2 = Start("edge2", RepositoryPaths.EdgeService, edge2Args.Concat([
            $"--EdgeTransport:Udp:0=127.0.0.1:{SecondSipPort}",
            $"--EdgeTransport:Tcp:0=127.0.0.1:{SecondSipPort}",
            link,
        ]), edge2Http + "/health");
        await edge.WaitForHttpAsync(edgeHttp + "/health", TimeSpan.FromSeconds(60));
        await edge2.WaitForHttpAsync(edge2Http + "/health", TimeSpan.FromSeconds(60));
        await gateway.WaitForHttpAsync(gatewayHttp + "/health", TimeSpan.FromSeconds(60));
        await WaitForSipAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Waits until OPTIONS on the first edge's SIP port is answered again (after a restart).</summary>
    public Task WaitForSipAgainAsync() => WaitForSipAsync(TimeSpan.FromSeconds(30));
}
