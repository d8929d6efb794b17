using System.Diagnostics;

namespace Switchboard.IntegrationTests.Infrastructure;

/// <summary>Stopping what a test started, by pid.</summary>
internal static class ProcessStop
{
    /// <summary>
    /// SIGTERM (the process stops gracefully: flushes, closes listeners, ends its children), then a kill of the whole
    /// tree when it is still running after <paramref name="grace"/>; disposes the handle.
    /// </summary>
    public static async Task TerminateAsync(Process process, TimeSpan grace)
    {
        if (!process.HasExited)
        {
            Process.Start("kill", ["-TERM", process.Id.ToString()])?.WaitForExit(2000);
            await WaitOrKillAsync(process, grace);
        }

        process.Dispose();
    }

    /// <summary>Waits up to <paramref name="limit"/> for the exit, then kills the whole tree; true when it ended by itself.</summary>
    public static async Task<bool> WaitOrKillAsync(Process process, TimeSpan limit)
    {
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return false;
        }
    }
}
