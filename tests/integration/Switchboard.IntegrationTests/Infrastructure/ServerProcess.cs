using System.Diagnostics;

namespace Switchboard.IntegrationTests.Infrastructure;

/// <summary>
/// A server started as its own <c>dotnet</c> process, its output kept in a log file, stopped by pid (SIGTERM, then
/// kill after a grace period) when disposed.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ProcessOutput _output = new(2_000_000);
    private readonly string _name;

    private ServerProcess(string name, Process process)
    {
        _name = name;
        _process = process;
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output => _output.Text;

    public static ServerProcess Start(string name, string dll, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{name}: {dll} is not built (run dotnet build first).", dll);
        }
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{name} did not start.");
        var server = new ServerProcess(name, process);
        server._output.Attach(process);
        return server;
    }

    /// <summary>Polls <paramref name="url"/> until it answers 200, or fails with the server's output.</summary>
    public async Task WaitForHttpAsync(string url, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{_name} exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{_name} did not answer {url} within {timeout}:\n{Output}");
    }

    /// <summary>SIGKILL by pid, no grace: the process gets no chance to flush anything (a crash).</summary>
    public async Task KillAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            Process.Start("kill", ["-KILL", _process.Id.ToString()])?.WaitForExit(2000);
            using var cancel = new CancellationTokenSource(timeout);
            await _process.WaitForExitAsync(cancel.Token);
        }
    }

    // SIGTERM first: the host stops gracefully (flushes SQLite, closes listeners).
    public async ValueTask DisposeAsync() => await ProcessStop.TerminateAsync(_process, TimeSpan.FromSeconds(10));
}
