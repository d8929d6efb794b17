using System.Diagnostics;

namespace Switchboard.IntegrationTests.Infrastructure;

/// <summary>Runs a real SIP peer (sipsak, sipp…) to completion, bounded in time; killed by pid on timeout.</summary>
internal static class ExternalTool
{
    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null,
        IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{fileName} did not start.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!await ProcessStop.WaitOrKillAsync(process, timeout))
        {
            return new Result(-1, $"{fileName} timed out after {timeout}\n{await stdout}\n{await stderr}");
        }
        return new Result(process.ExitCode, await stdout + "\n" + await stderr);
    }

    public static bool Exists(string fileName) =>
        Environment.GetEnvironmentVariable("PATH")!.Split(':').Any(dir => File.Exists(Path.Combine(dir, fileName)));
}
