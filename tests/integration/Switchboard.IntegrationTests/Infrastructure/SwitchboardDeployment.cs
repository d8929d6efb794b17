using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Switchboard.IntegrationTests.Infrastructure;

/// <summary>
/// A running Switchboard on 127.0.0.1, in one of its two wirings. Tests talk to it only through its SIP ports and
/// its admin HTTP API, so the same test runs against both.
/// </summary>
public abstract class SwitchboardDeployment : IAsyncLifetime
{
    private readonly List<ServerProcess> _processes = [];
    private readonly Dictionary<string, (string Dll, string[] Arguments, string HealthUrl)> _started = [];

    protected SwitchboardDeployment()
    {
        DataDirectory = Directory.CreateTempSubdirectory("switchboard-it-").FullName;
        SipPort = FreePorts.Next();
        TlsPort = FreePorts.Next();
        (CertificatePath, KeyPath) = WriteSelfSignedCertificate(DataDirectory);
    }

    public abstract string Name { get; }

    public int SipPort { get; }

    public int TlsPort { get; }

    /// <summary>Base address of the router's admin HTTP API (/api/router/...).</summary>
    public string RouterApi { get; protected set; } = "";

    /// <summary>Base address of the registrar's admin HTTP API (/api/registrar/...).</summary>
    public string RegistrarApi { get; protected set; } = "";

    public string DataDirectory { get; }

    protected string CertificatePath { get; }

    protected string KeyPath { get; }

    internal IReadOnlyList<ServerProcess> Processes => _processes;

    public abstract Task InitializeAsync();

    /// <summary>Local domains every test may use, and a few accounts (user = password + "pw").</summary>
    public static readonly string[] Domains = ["127.0.0.1", "example.com"];

    public static readonly string[] Users = ["alice", "bob", "carol"];

    /// <summary>Creates <see cref="Domains"/> and <see cref="Users"/> through the admin API (as an operator would).</summary>
    protected async Task ProvisionAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(RouterApi), Timeout = TimeSpan.FromSeconds(30) };
        foreach (var domain in Domains)
        {
            using var response = await http.PostAsync("/api/router/domains", JsonContent($"{{\"name\":\"{domain}\"}}"));
            Assert.True(response.IsSuccessStatusCode || response.StatusCode == System.Net.HttpStatusCode.Conflict, $"domain {domain}: {response.StatusCode}");
        }
        var csv = string.Join("\n", Users.Select(user => $"{user},127.0.0.1,{user}pw"));
        using var import = await http.PostAsync("/api/router/accounts/import", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"));
        Assert.True(import.IsSuccessStatusCode, $"import: {import.StatusCode} {await import.Content.ReadAsStringAsync()}");
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>The edge listener settings both wirings share.</summary>
    protected IEnumerable<string> EdgeArguments() =>
    [
        $"--EdgeTransport:Udp:0=127.0.0.1:{SipPort}",
        $"--EdgeTransport:Tcp:0=127.0.0.1:{SipPort}",
        $"--EdgeTransport:Tls:0=127.0.0.1:{TlsPort}",
        $"--EdgeTransport:TlsCertificatePath={CertificatePath}",
        $"--EdgeTransport:TlsKeyPath={KeyPath}",
        "--EdgeTransport:TcpInputChannels=64",
        "--EdgeTransport:TcpIdleTimeout=00:00:03",
    ];

    internal ServerProcess Start(string name, string dll, IEnumerable<string> arguments, string healthUrl)
    {
        var list = arguments.ToArray();
        var process = ServerProcess.Start(name, dll, list);
        _processes.Add(process);
        _started[name] = (dll, list, healthUrl);
        _named[name] = process;
        return process;
    }

    private readonly Dictionary<string, ServerProcess> _named = [];

    /// <summary>The process that keeps registrations: the registrar service, or the whole host all-in-one.</summary>
    public abstract string RegistrarProcessName { get; }

    /// <summary>Stops a process gracefully (SIGTERM) and starts it again with the same arguments and data.</summary>
    public async Task RestartAsync(string name)
    {
        var old = _named[name];
        await old.DisposeAsync();
        _processes.Remove(old);
        await StartAgainAsync(name);
        await WaitForSipAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Kills a process with SIGKILL (a crash: nothing flushed); <see cref="StartAgainAsync"/> brings it back.</summary>
    public async Task KillAsync(string name)
    {
        var old = _named[name];
        await old.KillAsync(TimeSpan.FromSeconds(10));
        await old.DisposeAsync();
        _processes.Remove(old);
    }

    /// <summary>Starts a stopped process again with the same arguments and data, and waits for its /health.</summary>
    public async Task StartAgainAsync(string name)
    {
        var (dll, arguments, healthUrl) = _started[name];
        var process = Start(name, dll, arguments, healthUrl);
        await process.WaitForHttpAsync(healthUrl, TimeSpan.FromSeconds(60));
    }

    /// <summary>Waits until the server answers OPTIONS on its SIP port (the whole SIP path is up).</summary>
    protected async Task WaitForSipAsync(TimeSpan timeout)
    {
        using var probe = new SipProbe();
        var deadline = DateTime.UtcNow + timeout;
        var attempt = 0;
        while (DateTime.UtcNow < deadline)
        {
            await probe.SendAsync(probe.Options($"sip:127.0.0.1:{SipPort}", $"z9hG4bK-wait{attempt++}"), SipPort);
            var answer = await probe.ReceiveAsync(500);
            if (answer is not null && answer.StartsWith("SIP/2.0 200", StringComparison.Ordinal))
            {
                return;
            }
            foreach (var process in _processes.Where(p => p.HasExited))
            {
                throw new InvalidOperationException($"{Name}: a process exited:\n{process.Output}");
            }
        }
        throw new TimeoutException($"{Name}: no 200 to OPTIONS on {SipPort} within {timeout}:\n" +
            string.Join("\n----\n", _processes.Select(p => p.Output)));
    }

    public async Task DisposeAsync()
    {
        // Edges first, then the core and the stores, in reverse start order.
        for (var i = _processes.Count - 1; i >= 0; i--)
        {
            await _processes[i].DisposeAsync();
        }
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static (string Cert, string Key) WriteSelfSignedCertificate(string directory)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=switchboard.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var certPath = Path.Combine(directory, "sip-cert.pem");
        var keyPath = Path.Combine(directory, "sip-key.pem");
        File.WriteAllText(certPath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certPath, keyPath);
    }
}

/// <summary>The embedded default: one process, direct calls, in-memory bus.</summary>
public sealed class AllInOneDeployment : SwitchboardDeployment
{
    public override string Name => "all-in-one";

    public override string RegistrarProcessName => "switchboard";

    public override async Task InitializeAsync()
    {
        var http = FreePorts.Next();
        RouterApi = RegistrarApi = $"http://127.0.0.1:{http}";
        var host = Start("switchboard", RepositoryPaths.AllInOne,
            EdgeArguments().Concat([
                $"--Kestrel:Endpoints:http:Url={RouterApi}",
                $"--Storage:DataDirectory={DataDirectory}",
                // Calls through the proxy stay record-routed (the manual's Force Relaying), so BYE passes through it.
                "--Proxy:ForceRelaying=true",
            ]), RouterApi + "/health");
        await host.WaitForHttpAsync(RouterApi + "/health", TimeSpan.FromSeconds(60));
        await ProvisionAsync();
        await WaitForSipAsync(TimeSpan.FromSeconds(30));
    }
}

/// <summary>The services as separate processes on loopback: the same code, wired by gRPC streams.</summary>
public sealed class DistributedDeployment : SwitchboardDeployment
{
    public override string Name => "distributed";

    public override string RegistrarProcessName => "registrar";

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
        await router.WaitForHttpAsync(RouterApi + "/health", TimeSpan.FromSeconds(60));
        await registrar.WaitForHttpAsync(RegistrarApi + "/health", TimeSpan.FromSeconds(60));
        await ProvisionAsync();
        var transaction = Start("transaction", RepositoryPaths.TransactionService,
            ServiceArguments(transactionHttp, transactionGrpc).Concat([
                $"--Services:router-grpc:Endpoints:0=http://127.0.0.1:{routerGrpc}",
                $"--Services:registrar-grpc:Endpoints:0=http://127.0.0.1:{registrarGrpc}",
                // The proxy runs apart from the edge here: it is told the edge's ports for its Via and Record-Route.
                $"--Proxy:UdpPort={SipPort}",
                $"--Proxy:TcpPort={SipPort}",
                $"--Proxy:TlsPort={TlsPort}",
                "--Proxy:ForceRelaying=true",
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
