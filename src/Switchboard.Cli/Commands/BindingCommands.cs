using System.CommandLine;
using static System.Uri;

namespace Switchboard.Cli.Commands;

/// <summary><c>bindings list AOR</c>: the registrar's current contacts of an address of record.</summary>
internal static class BindingCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("bindings", "Registrations (address of record → contacts).");
        var aor = new Argument<string>("aor") { Description = "sip:user@domain" };
        var list = new Command("list", "List an AOR's bindings.") { aor };
        list.SetAction(context.Run(async (parse, api, ct) =>
        {
            var response = await api.GetAsync($"/api/registrar/bindings?aor={EscapeDataString(parse.GetValue(aor)!)}", ct);
            if (await api.JsonAsync(response, ct) is not { } bindings)
                return 1;
            foreach (var binding in bindings.EnumerateArray())
                await api.Output.WriteLineAsync(
                    $"{binding.GetProperty("contact").GetString()} expires={binding.GetProperty("expiresSeconds").GetInt64()} q={binding.GetProperty("q").GetString()}");
            await api.Output.WriteLineAsync($"({bindings.GetArrayLength()} bindings)");
            return 0;
        }));
        command.Subcommands.Add(list);
        return command;
    }
}
