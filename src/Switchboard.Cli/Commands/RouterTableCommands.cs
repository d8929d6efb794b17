using System.CommandLine;

namespace Switchboard.Cli.Commands;

/// <summary><c>router-table get | set FILE</c>.</summary>
internal static class RouterTableCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("router-table", "The Router records, as text.");

        var get = new Command("get", "Print the Router table.");
        get.SetAction(context.Run(async (parse, api, ct) =>
        {
            var response = await api.GetAsync("/api/router/table", ct);
            if (!response.IsSuccessStatusCode)
                return await api.FailAsync(response, ct);
            await api.Output.WriteAsync(await response.Content.ReadAsStringAsync(ct));
            return 0;
        }));

        var file = new Argument<FileInfo>("file") { Description = "The new table; replaces the old one only if every line parses" };
        var set = new Command("set", "Replace the Router table.") { file };
        set.SetAction(context.Run(async (parse, api, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
                throw new CliException($"no such file: {path.FullName}");
            var text = await File.ReadAllTextAsync(path.FullName, ct);
            var response = await api.SendTextAsync(HttpMethod.Put, "/api/router/table", text, "text/plain", ct);
            return await api.ReportAsync(response, "Router table replaced", ct);
        }));

        command.Subcommands.Add(get);
        command.Subcommands.Add(set);
        return command;
    }
}
