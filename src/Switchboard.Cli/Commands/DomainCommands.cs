using System.CommandLine;
using static System.Uri;

namespace Switchboard.Cli.Commands;

/// <summary><c>domains add|list|delete</c>.</summary>
internal static class DomainCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("domains", "Local domains (each is also the Digest realm).");

        var addName = new Argument<string>("name") { Description = "The domain, e.g. example.com" };
        var add = new Command("add", "Add a local domain.") { addName };
        add.SetAction(context.Run(async (parse, api, ct) =>
            await api.ReportAsync(await api.PostJsonAsync("/api/router/domains", new { name = parse.GetValue(addName) }, ct),
                $"added {parse.GetValue(addName)}", ct)));

        var list = new Command("list", "List the local domains.");
        list.SetAction(context.Run(async (parse, api, ct) =>
        {
            if (await api.JsonAsync(await api.GetAsync("/api/router/domains", ct), ct) is not { } domains)
                return 1;
            foreach (var domain in domains.EnumerateArray())
                await api.Output.WriteLineAsync(domain.GetString());
            return 0;
        }));

        var deleteName = new Argument<string>("name") { Description = "The domain" };
        var delete = new Command("delete", "Remove a domain with its accounts, aliases and forwarders.") { deleteName };
        delete.SetAction(context.Run(async (parse, api, ct) =>
            await api.ReportAsync(await api.DeleteAsync($"/api/router/domains/{EscapeDataString(parse.GetValue(deleteName)!)}", ct),
                $"deleted {parse.GetValue(deleteName)}", ct)));

        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        command.Subcommands.Add(delete);
        return command;
    }
}
