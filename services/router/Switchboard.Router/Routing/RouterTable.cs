namespace Switchboard.Router.Routing;

/// <summary>The Router table: its text as the administrator wrote it and the records parsed from it.</summary>
public sealed record RouterTable(string Text, IReadOnlyList<RouterRecord> Records)
{
    public static RouterTable Empty { get; } = new("", []);
}

/// <summary>A parse error with its 1-based line number.</summary>
public sealed record RouterTableError(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}

/// <summary>Parser output: a table when there were no errors, otherwise the errors.</summary>
public sealed record RouterTableParseResult(RouterTable? Table, IReadOnlyList<RouterTableError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
