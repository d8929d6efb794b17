using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Kamailio;

/// <summary>
/// The all-in-one host with its gateway registrar ticking every second (the REGISTERs go through the host's own
/// client transactions and edge), Via sent-by on the real SIP port. Gateways are added through its admin API.
/// </summary>
internal sealed class GatewayHostDeployment(params string[] extraArguments) : SwitchboardDeployment, IGatewayDeployment
{
    public override string Name => "all-in-one (gateway)";

    public override string RegistrarProcessName => "switchboard";

    public string Api => RouterApi;

    public string GatewayApi => RouterApi;

    public override async Task InitializeAsync()
    {
        var http = FreePorts.Next();
        RouterApi = RegistrarApi = $"http://127.0.0.1:{http}";
        var host = Start("switchboard", RepositoryPaths.AllInOne,
            EdgeArguments().Concat([
                $"--Kestrel:Endpoints:http:Url={RouterApi}",
                $"--Storage:DataDirectory={DataDirectory}",
                $"--Proxy:UdpPort={SipPort}",
                $"--Proxy:TcpPort={SipPort}",
                $"--Proxy:TlsPort={TlsPort}",
                "--GatewayRegistrar:SupervisorInterval=00:00:01",
                "--GatewayRegistrar:RetryMin=00:00:01",
                "--GatewayRegistrar:InstanceId=it",
                .. extraArguments,
            ]), RouterApi + "/health");
        await host.WaitForHttpAsync(RouterApi + "/health", TimeSpan.FromSeconds(60));
        await ProvisionAsync();
        await WaitForSipAsync(TimeSpan.FromSeconds(30));
    }

    public string Output => string.Join("\n----\n", Processes.Select(p => p.Output));
}
