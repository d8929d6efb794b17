using System.ComponentModel;
using System.Diagnostics;

namespace Switchboard.AdminGateway.Tests;

/// <summary>Runs a command to completion within a time limit; a command still running then is killed (by its own pid).</summary>
internal static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Output);

    /// <returns>The result, or null when the program does not exist.</returns>
    public static async Task<Result?> Run(string program, IEnumerable<string> arguments, string workingDirectory, int timeoutSeconds = 60)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            return null;
        }

        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} {string.Join(' ', arguments)} ran longer than {timeoutSeconds} s");
            }

            return new Result(process.ExitCode, await stdout + await stderr);
        }
    }
}
