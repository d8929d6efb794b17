using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Switchboard.AdminGateway.Tests;

/// <summary>The container files: docker-compose.yml validates, the Dockerfiles copy what exists, the health probe works.</summary>
public sealed partial class ContainerTests
{
    private static readonly string[] Dockerfiles =
    [
        "services/edge-transport/Dockerfile",
        "services/transaction/Dockerfile",
        "services/registrar/Dockerfile",
        "services/router/Dockerfile",
        "services/media-proxy/Dockerfile",
        "src/Switchboard.AdminGateway/Dockerfile",
        "src/Switchboard/Dockerfile",
    ];

    // Which Compose is installed is looked up once per test run (each probe starts a process).
    private static readonly Lazy<Task<string[]>> ComposeCommand = new(FindCompose);

    /// <summary>
    /// <c>docker compose …</c> (the Compose v2 plugin) or, where only Debian's Compose v1 is installed,
    /// <c>docker-compose …</c>. <c>config</c> needs no Docker engine. Installs nothing: missing tools fail the test.
    /// </summary>
    private static async Task<ProcessRunner.Result> Compose(params string[] arguments)
    {
        var command = await ComposeCommand.Value;
        return (await ProcessRunner.Run(command[0], [.. command[1..], .. arguments], RepositoryRoot.Path))!;
    }

    private static async Task<string[]> FindCompose()
    {
        var root = RepositoryRoot.Path;
        var plugin = await ProcessRunner.Run("docker", ["compose", "version"], root);
        if (plugin is { ExitCode: 0 })
        {
            return ["docker", "compose"];
        }

        var v1 = await ProcessRunner.Run("docker-compose", ["version", "--short"], root);
        Assert.True(v1 is { ExitCode: 0 },
            "Neither `docker compose` (the Compose v2 CLI plugin) nor `docker-compose` (apt-get install docker-compose) " +
            $"is installed; this test needs one of them to validate docker-compose.yml. docker: {plugin?.Output.Trim() ?? "not installed"}");
        return ["docker-compose"];
    }

    [Fact]
    public async Task The_compose_file_is_valid()
    {
        var result = await Compose("config", "-q");

        Assert.True(result.ExitCode == 0, $"compose config -q failed ({result.ExitCode}): {result.Output}");
    }

    [Fact]
    public async Task The_compose_file_runs_the_infrastructure_and_every_service_and_media_proxy_publishes_no_port()
    {
        var config = await Compose("config");
        var services = config.Output.Split('\n').SkipWhile(l => l != "services:").Skip(1).TakeWhile(l => l.Length == 0 || l[0] == ' ')
            .Where(l => l.Length > 2 && l[2] != ' ' && l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l.Trim().TrimEnd(':'));

        Assert.Equal(0, config.ExitCode);
        Assert.Equal(
            ["admin-gateway", "consul", "edge-transport", "gateway-registrar", "media-proxy", "prometheus", "rabbitmq", "registrar", "router", "transaction"],
            services.Order());
        var mediaProxy = ServiceBlock(config.Output, "media-proxy");
        Assert.DoesNotContain("ports:", mediaProxy);
        Assert.Contains("MediaProxy__PortRangeSlots", mediaProxy);
        var edge = ServiceBlock(config.Output, "edge-transport");
        Assert.Contains("5060", edge);
        Assert.Contains("5061", edge);
    }

    [Theory]
    [MemberData(nameof(DockerfileNames))]
    public void A_Dockerfile_copies_existing_paths_publishes_an_existing_project_and_runs_as_app(string dockerfile)
    {
        var root = RepositoryRoot.Path;
        var text = File.ReadAllText(Path.Combine(root, dockerfile));

        var copies = CopySources().Matches(text).SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var publish = PublishProject().Match(text);

        Assert.NotEmpty(copies);
        Assert.All(copies, c => Assert.True(Path.Exists(Path.Combine(root, c)), $"{dockerfile} copies {c}, which does not exist"));
        Assert.True(publish.Success, $"{dockerfile} has no dotnet publish of a .csproj");
        Assert.True(File.Exists(Path.Combine(root, publish.Groups[1].Value)), $"{dockerfile} publishes {publish.Groups[1].Value}, which does not exist");
        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:10.0", text);
        Assert.Contains("USER app", text);
        Assert.Contains("HEALTHCHECK", text);
    }

    public static TheoryData<string> DockerfileNames() => new(Dockerfiles);

    [Fact]
    public async Task The_health_probe_script_passes_a_200_and_fails_an_error_status_and_a_closed_port()
    {
        await using var healthy = await TinyBackend.Start("up");
        await using var sick = await TinyBackend.Start("down", healthStatus: 503);
        var script = Path.Combine(RepositoryRoot.Path, "deploy", "docker", "healthcheck.sh");

        var up = await ProcessRunner.Run("bash", [script, healthy.Address.Port.ToString()], RepositoryRoot.Path, 20);
        var down = await ProcessRunner.Run("bash", [script, sick.Address.Port.ToString()], RepositoryRoot.Path, 20);
        var closed = await ProcessRunner.Run("bash", [script, ClosedPort().ToString()], RepositoryRoot.Path, 20);

        Assert.Equal(0, up!.ExitCode);
        Assert.Equal(1, down!.ExitCode);
        Assert.Contains("503", down.Output);
        Assert.Equal(1, closed!.ExitCode);
        Assert.Contains("/health", healthy.Paths);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The service's block in the normalised `compose config` output: from "  name:" to the next 2-space key.
    private static string ServiceBlock(string config, string service)
    {
        var lines = config.Split('\n');
        var start = Array.FindIndex(lines, l => l == $"  {service}:");
        Assert.True(start >= 0, $"no service {service} in the compose config");
        var end = Array.FindIndex(lines, start + 1, l => l.Length > 2 && l[0] != ' ' || (l.StartsWith("  ", StringComparison.Ordinal) && l[2] != ' '));
        return string.Join('\n', lines[start..(end < 0 ? lines.Length : end)]);
    }

    // "COPY a b dest/" → "a b"; COPY --from=build copies from a stage, not the context.
    [GeneratedRegex(@"^COPY (?!--from)(.+) \S+[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex CopySources();

    [GeneratedRegex(@"dotnet publish (\S+\.csproj)")]
    private static partial Regex PublishProject();
}
