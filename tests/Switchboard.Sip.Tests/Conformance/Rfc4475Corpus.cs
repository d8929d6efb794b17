namespace Switchboard.Sip.Tests.Conformance;

/// <summary>One row of MANIFEST.tsv plus the message bytes.</summary>
public sealed record Rfc4475Case(string File, string Section, string Title, string Expected, string Response)
{
    public string Name => Path.GetFileNameWithoutExtension(File);

    public byte[] ReadBytes() => System.IO.File.ReadAllBytes(Path.Combine(Rfc4475Corpus.Directory, File));

    /// <summary>Role → acceptable outcomes (status codes; 0 for process/forward/drop; -1 for "any error").</summary>
    public IReadOnlyDictionary<string, int[]> Outcomes => Response.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Select(part => part.Split('='))
        .ToDictionary(kv => kv[0], kv => kv[1].Split('|').Select(ParseOutcome).ToArray());

    private static int ParseOutcome(string outcome) => outcome switch
    {
        "process" or "forward" or "drop" => 0,
        "error" => -1,
        _ => int.Parse(outcome),
    };
}

public static class Rfc4475Corpus
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Conformance", "rfc4475");

    public static IReadOnlyList<Rfc4475Case> Cases { get; } = Load();

    public static Rfc4475Case Get(string name) => Cases.Single(c => c.Name == name);

    /// <summary>Theory rows rendered as "3.1.1.1 wsinv".</summary>
    public static TheoryData<string> Sections()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases)
        {
            data.Add($"{c.Section} {c.Name}");
        }

        return data;
    }

    public static Rfc4475Case FromSection(string sectionAndName) => Get(sectionAndName.Split(' ')[1]);

    private static List<Rfc4475Case> Load() => File.ReadAllLines(Path.Combine(Directory, "MANIFEST.tsv"))
        .Skip(1)
        .Where(line => line.Length > 0)
        .Select(line => line.Split('\t'))
        .Select(f => new Rfc4475Case(f[0], f[1], f[2], f[3], f[4]))
        .ToList();
}
