namespace Switchboard.Cli;

/// <summary>A user error (bad address, missing file) printed as one line; the command exits with 1.</summary>
internal sealed class CliException(string message) : Exception(message);
