namespace Switchboard.Router.Accounts;

/// <summary>Outcome of a CSV import. When <see cref="Errors"/> is not empty nothing was written.</summary>
public sealed record AccountImportResult(int Imported, IReadOnlyList<CsvLineError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

public sealed record CsvLineError(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}
