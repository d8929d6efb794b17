namespace Switchboard.Registrar.Location.Sqlite;

/// <summary>One queued change: an upsert when <see cref="Binding"/> is set, otherwise a delete.</summary>
internal readonly record struct JournalEntry(string Aor, string ContactUri, Binding? Binding);
