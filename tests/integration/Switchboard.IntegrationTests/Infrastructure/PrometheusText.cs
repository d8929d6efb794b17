using System.Text.RegularExpressions;

namespace Switchboard.IntegrationTests.Infrastructure;

/// <summary>The parts of the Prometheus text exposition format the tests check: metric names and # TYPE lines.</summary>
internal static partial class PrometheusText
{
    public sealed record Scrape(IReadOnlyList<string> SeriesNames, IReadOnlyDictionary<string, string> Types, IReadOnlyList<string> Problems);

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    public static Scrape Parse(string text)
    {
        var names = new List<string>();
        var types = new Dictionary<string, string>();
        var problems = new List<string>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                if (parts.Length != 4 || !MetricName().IsMatch(parts[2]))
                {
                    problems.Add("bad TYPE line: " + line);
                    continue;
                }
                types[parts[2]] = parts[3];
                continue;
            }
            if (line.StartsWith('#'))
            {
                continue;
            }
            var end = line.IndexOfAny(['{', ' ']);
            var name = end < 0 ? line : line[..end];
            if (end < 0 || !MetricName().IsMatch(name))
            {
                problems.Add("bad sample line: " + line);
                continue;
            }
            names.Add(name);
        }
        return new Scrape(names, types, problems);
    }
}
