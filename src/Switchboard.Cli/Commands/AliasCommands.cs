using System.CommandLine;
using static System.Uri;

namespace Switchboard.Cli.Commands;

/// <summary><c>aliases add ALIAS@DOMAIN ACCOUNT | list --domain D | delete ALIAS@DOMAIN</c>.</summary>
internal static class AliasCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("aliases", "Other names of an account.");

        var alias = new Argument<string>("alias") { Description = "name@domain" };
        var account = new Argument<string>("account") { Description = "The account's user part in the same domain" };
        var add = new Command("add", "Add an alias.") { alias, account };
        add.SetAction(context.Run(async (parse, api, ct) =>
        {
            var (name, domain) = AddressText.Split(parse.GetValue(alias)!);
            var response = await api.PostJsonAsync("/api/router/aliases", new { name, domain, account = parse.GetValue(account) }, ct);
            return await api.ReportAsync(response, $"{name}@{domain} -> {parse.GetValue(account)}@{domain}", ct);
        }));

        var domainOption = new Option<string>("--domain", "-d") { Description = "The domain", Required = true };
        var list = new Command("list", "List a domain's aliases.") { domainOption };
        list.SetAction(context.Run(async (parse, api, ct) =>
        {
            var response = await api.GetAsync($"/api/router/aliases?domain={EscapeDataString(parse.GetValue(domainOption)!)}", ct);
            if (await api.JsonAsync(response, ct) is not { } items)
                return 1;
            foreach (var item in items.EnumerateArray())
            {
                var domain = item.GetProperty("domain").GetString();
                await api.Output.WriteLineAsync($"{item.GetProperty("name").GetString()}@{domain} -> {item.GetProperty("account").GetString()}@{domain}");
            }
            return 0;
        }));

        var deleteAlias = new Argument<string>("alias") { Description = "name@domain" };
        var delete = new Command("delete", "Remove an alias.") { deleteAlias };
        delete.SetAction(context.Run(async (parse, api, ct) =>
        {
            var (name, domain) = AddressText.Split(parse.GetValue(deleteAlias)!);
            var response = await api.DeleteAsync($"/api/router/aliases/{EscapeDataString(domain)}/{EscapeDataString(name)}", ct);
            return await api.ReportAsync(response, $"deleted {name}@{domain}", ct);
        }));

        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        command.Subcommands.Add(delete);
        return command;
    }
}
