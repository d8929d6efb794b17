using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Kamailio;

/// <summary>
/// The gateway wiring with the services as separate processes, as <c>DistributedDeployment</c> starts them (router,
/// registrar, transaction, edge) plus the gateway-registrar process: it registers through the transaction service's
/// SipClient gRPC (<c>Services:transaction-grpc</c>), and the transaction service's proxy reads the gateways from its
/// GatewayDirectory gRPC (<c>Services:gateway-registrar-grpc</c>). <paramref name="transactionArguments"/> go to the
/// transaction service (the proxy's <c>Gateways</c> and <c>Proxy</c> settings live there).
/// </summary>
internal sealed class GatewayDistributedDeployment(params string[] transactionArguments) : SwitchboardDeployment, IGatewayDeployment
{
    private static string GatewayRegistrarService =>
        RepositoryPaths.HostDll("services/gateway-registrar/Switchboard.GatewayRegistrar.Service", "Switchboard.GatewayRegistrar.Service");

    public override string Name => "distributed (gateway)";

    public override string RegistrarProcessName => "registrar";

    public string GatewayApi { get; private set; } = "";

    public string Output => string.Join("\n----\n", Processes.Select(p => p.Output));

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
        var (gatewayHttp, gatewayGrpc) = (FreePorts.Next(), FreePorts.Next());
        var (transactionHttp, transactionGrpc) = (FreePorts.Next(), FreePorts.Next());
        var edgeHttp = FreePorts.Next();
        RouterApi = $"http://127.0.0.1:{routerHttp}";
        RegistrarApi = $"http://127.0.0.1:{registrarHttp}";
        GatewayApi = $"http://127.0.0.1:{gatewayHttp}";
        var router = Start("router", RepositoryPaths.RouterService, ServiceArguments(routerHttp, routerGrpc), RouterApi + "/health");
        var registrar = Start("registrar", RepositoryPaths.RegistrarService, ServiceArguments(registrarHttp, registrarGrpc), RegistrarApi + "/health");
        var gateway = Start("gateway-registrar", GatewayRegistrarService, ServiceArguments(gatewayHttp, gatewayGrpc).Concat([
            $"--Services:transaction-grpc:Endpoints:0=http://127.0.0.1:{transactionGrpc}",
            "--GatewayRegistrar:SupervisorInterval=00:00:01",
            "--GatewayRegistrar:RetryMin=00:00:01",
            "--GatewayRegistrar:InstanceId=it",
        ]), GatewayApi + "/health");
        await router.WaitForHttpAsync(RouterApi + "/health", TimeSpan.FromSeconds(60));
        await registrar.WaitForHttpAsync(RegistrarApi + "/health", TimeSpan.FromSeconds(60));
        await gateway.WaitForHttpAsync(GatewayApi + "/health", TimeSpan.FromSeconds(60));
        await ProvisionAsync();
        var transaction = Start("transaction", RepositoryPaths.TransactionService,
            ServiceArguments(transactionHttp, transactionGrpc).Concat([
                $"--Services:router-grpc:Endpoints:0=http://127.0.0.1:{routerGrpc}",
                $"--Services:registrar-grpc:Endpoints:0=http://127.0.0.1:{registrarGrpc}",
                $"--Services:gateway-registrar-grpc:Endpoints:0=http://127.0.0.1:{gatewayGrpc}",
                // A gateway added during the test must reach the proxy soon (the directory is cached).
                "--Gateways:DirectoryCacheTtl=00:00:01",
                "--Gateways:DirectoryRefresh=00:00:01",
                $"--Proxy:UdpPort={SipPort}",
                $"--Proxy:TcpPort={SipPort}",
                $"--Proxy:TlsPort={TlsPort}",
                .. transactionArguments,
            ]), $"http://127.0.0.1:{transactionHttp}/health");
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
