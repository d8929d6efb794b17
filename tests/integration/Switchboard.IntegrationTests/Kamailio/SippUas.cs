using System.Diagnostics;
using System.Text;

namespace Switchboard.IntegrationTests.Kamailio;

/// <summary>
/// SIPp as a UAS on 127.0.0.1 (the "PSTN" behind the provider), its built-in <c>uas</c> or a scenario file: answers
/// one INVITE with 180/200 and logs every message to a file. Stopped by pid.
/// </summary>
internal sealed class SippUas : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private SippUas(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <param name="scenario">A file under Scenarios/ to run instead of the built-in <c>uas</c>.</param>
    public static SippUas Start(int port, string? scenario = null)
    {
        string directory = Directory.CreateTempSubdirectory("sipp-uas-").FullName;
        var info = new ProcessStartInfo("sipp")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        string[] role = scenario is null ? ["-sn", "uas"] : ["-sf", Path.Combine(AppContext.BaseDirectory, "Scenarios", scenario)];
        foreach (string argument in role.Concat(["-i", "127.0.0.1", "-p", port.ToString(), "-m", "1", "-nostdin", "-trace_msg", "-message_file", "messages.log"]))
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("sipp did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SippUas(process, directory, port);
    }

    /// <summary>What SIPp received and sent so far.</summary>
    public string Messages
    {
        get
        {
            string path = Path.Combine(_directory, "messages.log");
            if (!File.Exists(path))
            {
                return "";
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
    }

    /// <summary>The message log once it contains every one of <paramref name="texts"/> (SIPp writes it with a delay), or as it is after <paramref name="timeout"/>.</summary>
    public async Task<string> WaitForMessagesAsync(TimeSpan timeout, params string[] texts)
    {
        var deadline = DateTime.UtcNow + timeout;
        string messages = Messages;
        while (!texts.All(t => messages.Contains(t, StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            messages = Messages;
        }

        return messages;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                // left to the OS; the pid was killed
            }
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
