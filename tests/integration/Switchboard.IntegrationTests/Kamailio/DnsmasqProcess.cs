using System.Diagnostics;
using System.Text;
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
    private readonly StringBuilder _output = new();

    private readonly DirectoryInfo _directory;

    private DnsmasqProcess(Process process, int port, DirectoryInfo directory)
    {
        _process = process;
        Port = port;
        _directory = directory;
    }

    public int Port { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

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
        process.OutputDataReceived += (_, e) => dnsmasq.Append(e.Data);
        process.ErrorDataReceived += (_, e) => dnsmasq.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
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
        if (!_process.HasExited)
        {
            Process.Start("kill", ["-TERM", _process.Id.ToString()])?.WaitForExit(2000);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        _directory.Delete(recursive: true);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 200_000)
            {
                _output.AppendLine(line);
            }
        }
    }
}
