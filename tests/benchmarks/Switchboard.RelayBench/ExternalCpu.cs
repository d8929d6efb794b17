using System.Globalization;

namespace Switchboard.RelayBench;

/// <summary>User + system CPU time from /proc stat files (fields 14 and 15, in clock ticks).</summary>
internal static class ExternalCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>CPU time of another process (all its threads).</summary>
    public static TimeSpan Of(int pid) => pid <= 0 ? TimeSpan.Zero : FromStat(File.ReadAllText($"/proc/{pid}/stat"));

    /// <summary>
    /// CPU time of this process's threads whose name starts with <paramref name="prefix"/> (the epoll relay's loop
    /// threads are <c>relay-epoll-N</c>): what relaying costs, without the load generator in the same process.
    /// </summary>
    public static TimeSpan OfOwnThreads(string prefix)
    {
        var total = TimeSpan.Zero;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).StartsWith(prefix, StringComparison.Ordinal))
                    total += FromStat(File.ReadAllText(Path.Combine(task, "stat")));
            }
            catch (IOException)
            {
                // the thread ended between listing and reading
            }
        }

        return total;
    }

    /// <summary>Busy time of the whole machine, all CPUs: user, nice, system, irq, softirq and steal from /proc/stat.</summary>
    public static TimeSpan Machine()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long ticks = 0;
        foreach (var field in new[] { 1, 2, 3, 6, 7, 8 })
            ticks += long.Parse(fields[field], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static TimeSpan FromStat(string stat)
    {
        // The command name (field 2) is in parentheses and may hold spaces: split after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
