using System.Diagnostics;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Kamailio;

/// <summary>
/// Kamailio as the SIP provider (provider.cfg): started in the foreground (<c>-DD -E</c>) on 127.0.0.1 and a free UDP
/// port, ready once it answers an OPTIONS keepalive, stopped by pid (SIGTERM, which also ends its children; SIGKILL
/// of the tree after a grace period).
/// </summary>
public sealed class KamailioProcess : IAsyncDisposable
{
    public const string Realm = "provider.test";
    public const string TrunkUser = "trunk";
    public const string TrunkPassword = "trunkpw";

    private readonly Process _process;
    private readonly ProcessOutput _output = new(1_000_000);

    private readonly int _pstnPort;
    private readonly string[] _defines;

    private KamailioProcess(Process process, int port, int pstnPort, string[] defines)
    {
        _process = process;
        Port = port;
        _pstnPort = pstnPort;
        _defines = defines;
    }

    public static string ConfigPath => Path.Combine(RepositoryPaths.Root, "tests/integration/Switchboard.IntegrationTests/Kamailio/provider.cfg");

    public static bool IsInstalled => File.Exists("/usr/sbin/kamailio");

    public int Port { get; }

    public int Pid => _process.Id;

    public string Output => _output.Text;

    /// <param name="pstnPort">Where INVITE sip:+1… goes (a SIPp UAS on 127.0.0.1).</param>
    /// <param name="defines">Extra <c>-A</c> defines, e.g. <c>WITH_INVITE_AUTH</c> or <c>MIN_EXPIRES=120</c>.</param>
    /// <param name="port">The UDP port to listen on; null = a free one.</param>
    public static async Task<KamailioProcess> StartAsync(int pstnPort = 5070, IEnumerable<string>? defines = null, TimeSpan? timeout = null, int? port = null)
    {
        string[] defineList = [.. defines ?? []];
        int listen = port ?? FreePorts.Next();
        var info = new ProcessStartInfo("kamailio")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        string[] arguments =
        [
            "-f", ConfigPath, "-DD", "-E", "-n", "1",
            "-A", $"LISTEN_ADDR=udp:127.0.0.1:{listen}",
            "-A", $"PSTN_URI=\"sip:127.0.0.1:{pstnPort}\"",
        ];
        foreach (var argument in arguments.Concat(defineList.SelectMany(d => new[] { "-A", d })))
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("kamailio did not start.");
        var kamailio = new KamailioProcess(process, listen, pstnPort, defineList);
        kamailio._output.Attach(process);
        try
        {
            await kamailio.WaitUntilAnsweringAsync(timeout ?? TimeSpan.FromSeconds(10));
        }
        catch
        {
            await kamailio.DisposeAsync();
            throw;
        }

        return kamailio;
    }

    /// <summary>
    /// A provider restart: stops this process (by pid) and starts a new one on the same port with the same settings,
    /// so everything Kamailio kept in memory (the trunk's registration) is gone. The port may still be held for a
    /// moment by the old workers: a start that exits at once is retried (at most 10 times, 500 ms apart).
    /// </summary>
    public async Task<KamailioProcess> RestartAsync()
    {
        await DisposeAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartAsync(_pstnPort, _defines, port: Port);
            }
            catch (InvalidOperationException) when (attempt < 10)
            {
                await Task.Delay(500);
            }
        }
    }

    public async ValueTask DisposeAsync() => await ProcessStop.TerminateAsync(_process, TimeSpan.FromSeconds(5));

    /// <summary>OPTIONS to the server itself gets "200 Keepalive" once the UDP worker runs (bounded retries).</summary>
    private async Task WaitUntilAnsweringAsync(TimeSpan timeout)
    {
        using var probe = new SipProbe();
        var deadline = DateTime.UtcNow + timeout;
        for (var attempt = 0; DateTime.UtcNow < deadline; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"kamailio exited with {_process.ExitCode}:\n{Output}");
            }

            await probe.SendAsync(probe.Options($"sip:127.0.0.1:{Port}", $"z9hG4bKready{attempt}"), Port);
            if (await probe.ReceiveAsync(250) is { } answer && answer.StartsWith("SIP/2.0 200", StringComparison.Ordinal))
            {
                return;
            }
        }

        throw new TimeoutException($"kamailio did not answer on 127.0.0.1:{Port} within {timeout}:\n{Output}");
    }
}
