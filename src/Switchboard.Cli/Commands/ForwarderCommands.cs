using System.CommandLine;
using static System.Uri;

namespace Switchboard.Cli.Commands;

/// <summary><c>forwarders add NAME@DOMAIN TARGET | list --domain D | delete NAME@DOMAIN</c>.</summary>
internal static class ForwarderCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("forwarders", "Names whose calls go to another address.");

        var forwarder = new Argument<string>("forwarder") { Description = "name@domain" };
        var target = new Argument<string>("target") { Description = "user@domain or a sip:/sips: URI" };
        var add = new Command("add", "Create or replace a forwarder.") { forwarder, target };
        add.SetAction(context.Run(async (parse, api, ct) =>
        {
            var (name, domain) = AddressText.Split(parse.GetValue(forwarder)!);
            var response = await api.PostJsonAsync("/api/router/forwarders", new { name, domain, target = parse.GetValue(target) }, ct);
            return await api.ReportAsync(response, $"{name}@{domain} -> {parse.GetValue(target)}", ct);
        }));

        var domainOption = new Option<string>("--domain", "-d") { Description = "The domain", Required = true };
        var list = new Command("list", "List a domain's forwarders.") { domainOption };
        list.SetAction(context.Run(async (parse, api, ct) =>
        {
            var response = await api.GetAsync($"/api/router/forwarders?domain={EscapeDataString(parse.GetValue(domainOption)!)}", ct);
            if (await api.JsonAsync(response, ct) is not { } items)
                return 1;
            foreach (var item in items.EnumerateArray())
                await api.Output.WriteLineAsync(
                    $"{item.GetProperty("name").GetString()}@{item.GetProperty("domain").GetString()} -> {item.GetProperty("target").GetString()}");
            return 0;
        }));

        var deleteForwarder = new Argument<string>("forwarder") { Description = "name@domain" };
        var delete = new Command("delete", "Remove a forwarder.") { deleteForwarder };
        delete.SetAction(context.Run(async (parse, api, ct) =>
        {
            var (name, domain) = AddressText.Split(parse.GetValue(deleteForwarder)!);
            var response = await api.DeleteAsync($"/api/router/forwarders/{EscapeDataString(domain)}/{EscapeDataString(name)}", ct);
            return await api.ReportAsync(response, $"deleted {name}@{domain}", ct);
        }));

        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        command.Subcommands.Add(delete);
        return command;
    }
}
