using System.CommandLine;
using Switchboard.Cli.Commands;

namespace Switchboard.Cli;

/// <summary>
/// <c>switchboard accounts|domains|aliases|forwarders|router-table|bindings ...</c>: each command calls the admin
/// HTTP API of a running server (<c>--server</c>, else <c>SWITCHBOARD_SERVER</c>, else http://127.0.0.1:8080),
/// prints the result and exits non-zero on any error.
/// </summary>
public static class SwitchboardCli
{
    public const string ServerVariable = "SWITCHBOARD_SERVER";
    public const string DefaultServer = "http://127.0.0.1:8080";

    private static readonly string[] CommandNames = ["accounts", "domains", "aliases", "forwarders", "router-table", "bindings"];

    /// <summary>Whether <paramref name="args"/> starts with one of the CLI's commands (the all-in-one host's test).</summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && CommandNames.Contains(args[0], StringComparer.Ordinal);

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    /// <param name="handler">The HTTP handler to use (tests); null for a new one per run.</param>
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, HttpMessageHandler? handler = null, CancellationToken cancellationToken = default)
    {
        var server = new Option<string>("--server", "-s")
        {
            Description = $"Admin HTTP API of the server (default: ${ServerVariable} or {DefaultServer})",
            Recursive = true,
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } fromEnv ? fromEnv : DefaultServer,
        };
        var context = new CliContext(server, output, error, handler);
        var root = new RootCommand("Switchboard administration: accounts, domains, aliases, forwarders, Router table, bindings.");
        root.Options.Add(server);
        root.Subcommands.Add(AccountCommands.Create(context));
        root.Subcommands.Add(DomainCommands.Create(context));
        root.Subcommands.Add(AliasCommands.Create(context));
        root.Subcommands.Add(ForwarderCommands.Create(context));
        root.Subcommands.Add(RouterTableCommands.Create(context));
        root.Subcommands.Add(BindingCommands.Create(context));
        var parsed = root.Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}
