using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Media;

/// <summary>
/// The all-in-one host with the LAN declared as 127.0.0.2 only: a phone on 127.0.0.2 is in the LAN, one on 127.0.0.1
/// on the WAN, so a call between them crosses the NAT and gets the media relay (Force Relaying stays off). Callers
/// on loopback are trusted (no digest), the relay advertises 127.0.0.1 on both sides.
/// </summary>
public class MediaRelayDeployment : SwitchboardDeployment
{
    public const string LanAddress = "127.0.0.2";

    /// <summary>Where the relay sockets listen, as advertised in the rewritten SDP (both sides).</summary>
    public const string RelayAddress = "127.0.0.1";

    public override string Name => "all-in-one (media relay)";

    public override string RegistrarProcessName => "switchboard";

    public string MediaApi => RouterApi + "/api/media/sessions";

    /// <summary>The relay's session lists (one here: the relay runs inside the host).</summary>
    public virtual IReadOnlyList<string> SessionApis => [MediaApi];

    /// <summary>Extra relay settings of a variant (e.g. a short media timeout).</summary>
    protected virtual IEnumerable<string> RelayArguments => [];

    public override async Task InitializeAsync()
    {
        var http = FreePorts.Next();
        RouterApi = RegistrarApi = $"http://127.0.0.1:{http}";
        var host = Start("switchboard", RepositoryPaths.AllInOne,
            EdgeArguments().Concat([
                $"--Kestrel:Endpoints:http:Url={RouterApi}",
                $"--Storage:DataDirectory={DataDirectory}",
                $"--Proxy:Media:LanNetworks:0={LanAddress}/32",
                "--Proxy:TrustedNetworks:0=127.0.0.0/8",
                $"--MediaProxy:LanAddress={RelayAddress}",
                $"--MediaProxy:WanAddress={RelayAddress}",
            ]).Concat(RelayArguments), RouterApi + "/health");
        await host.WaitForHttpAsync(RouterApi + "/health", TimeSpan.FromSeconds(60));
        await ProvisionAsync();
        await WaitForSipAsync(TimeSpan.FromSeconds(30));
    }
}

/// <summary>The media relay deployment with kernel forwarding required (CI runs as root: CAP_BPF and CAP_NET_ADMIN).</summary>
public sealed class MediaKernelRelayDeployment : MediaRelayDeployment
{
    public override string Name => "all-in-one (media relay, kernel forwarding)";

    protected override IEnumerable<string> RelayArguments => ["--MediaProxy:KernelForwarding=Required"];
}

/// <summary>The media relay deployment with a 3 s media timeout, swept every second.</summary>
public sealed class MediaTimeoutDeployment : MediaRelayDeployment
{
    public static readonly TimeSpan MediaTimeout = TimeSpan.FromSeconds(3);

    public override string Name => "all-in-one (media relay, 3 s media timeout)";

    protected override IEnumerable<string> RelayArguments =>
        [$"--MediaProxy:MediaTimeout={MediaTimeout:c}", "--MediaProxy:TimeoutSweepInterval=00:00:01"];
}
