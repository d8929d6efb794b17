using System.Diagnostics;
using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Kamailio;

/// <summary>
/// The provider's DNS (Debian's dnsmasq, in the foreground on 127.0.0.1 and a free UDP port, authoritative for
/// <see cref="KamailioProcess.Realm"/>, no upstream): <c>_sip._udp.provider.test</c> SRV → trunk.provider.test:port,
/// trunk.provider.test A 127.0.0.1, nothing else (no NAPTR). Stopped by pid.
/// </summary>
internal sealed class DnsmasqProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ProcessOutput _output = new(200_000);

    private readonly DirectoryInfo _directory;

    private DnsmasqProcess(Process process, int port, DirectoryInfo directory)
    {
        _process = process;
        Port = port;
        _directory = directory;
    }

    public int Port { get; }

    public string Output => _output.Text;

    /// <param name="port">The DNS port (UDP, 127.0.0.1).</param>
    /// <param name="sipPort">The provider's SIP port, named by the SRV record.</param>
    public static async Task<DnsmasqProcess> StartAsync(int port, int sipPort)
    {
        var directory = Directory.CreateTempSubdirectory("dnsmasq-");
        var domain = KamailioProcess.Realm;
        var info = new ProcessStartInfo("dnsmasq") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "-k", "--conf-file=/dev/null", "--no-resolv", "--no-hosts", "--bind-interfaces", "--listen-address=127.0.0.1",
            $"--port={port}", $"--local=/{domain}/", $"--srv-host=_sip._udp.{domain},trunk.{domain},{sipPort},10,0",
            $"--host-record=trunk.{domain},127.0.0.1", $"--pid-file={Path.Combine(directory.FullName, "dnsmasq.pid")}",
            "--log-facility=-", "--log-queries",
        })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dnsmasq did not start");
        var dnsmasq = new DnsmasqProcess(process, port, directory);
        dnsmasq._output.Attach(process);
        for (var i = 0; i < 50 && !dnsmasq.Output.Contains("started", StringComparison.Ordinal); i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"dnsmasq exited with {process.ExitCode}:\n{dnsmasq.Output}");
            }

            await Task.Delay(100);
        }

        return dnsmasq;
    }

    public async ValueTask DisposeAsync()
    {
        await ProcessStop.TerminateAsync(_process, TimeSpan.FromSeconds(5));
        _directory.Delete(recursive: true);
    }
}
