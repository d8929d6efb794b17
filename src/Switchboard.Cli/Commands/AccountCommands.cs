using System.CommandLine;
using static System.Uri;

namespace Switchboard.Cli.Commands;

/// <summary><c>accounts add|password|delete|list|import</c>.</summary>
internal static class AccountCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("accounts", "Local accounts (user@domain).");
        command.Subcommands.Add(Add(context));
        command.Subcommands.Add(Password(context));
        command.Subcommands.Add(Delete(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Import(context));
        return command;
    }

    private static Command Add(CliContext context)
    {
        var address = new Argument<string>("address") { Description = "user@domain" };
        var password = new Option<string>("--password", "-p") { Description = "The password", Required = true };
        var command = new Command("add", "Create an account.") { address, password };
        command.SetAction(context.Run(async (parse, api, ct) =>
        {
            var (user, domain) = AddressText.Split(parse.GetValue(address)!);
            var response = await api.PostJsonAsync("/api/router/accounts", new { user, domain, password = parse.GetValue(password) }, ct);
            return await api.ReportAsync(response, $"created {user}@{domain}", ct);
        }));
        return command;
    }

    private static Command Password(CliContext context)
    {
        var address = new Argument<string>("address") { Description = "user@domain" };
        var password = new Option<string>("--password", "-p") { Description = "The new password", Required = true };
        var command = new Command("password", "Set an account's password.") { address, password };
        command.SetAction(context.Run(async (parse, api, ct) =>
        {
            var (user, domain) = AddressText.Split(parse.GetValue(address)!);
            var response = await api.PutJsonAsync(
                $"/api/router/accounts/{EscapeDataString(domain)}/{EscapeDataString(user)}/password", new { password = parse.GetValue(password) }, ct);
            return await api.ReportAsync(response, $"password of {user}@{domain} changed", ct);
        }));
        return command;
    }

    private static Command Delete(CliContext context)
    {
        var address = new Argument<string>("address") { Description = "user@domain" };
        var command = new Command("delete", "Delete an account.") { address };
        command.SetAction(context.Run(async (parse, api, ct) =>
        {
            var (user, domain) = AddressText.Split(parse.GetValue(address)!);
            var response = await api.DeleteAsync($"/api/router/accounts/{EscapeDataString(domain)}/{EscapeDataString(user)}", ct);
            return await api.ReportAsync(response, $"deleted {user}@{domain}", ct);
        }));
        return command;
    }

    private static Command List(CliContext context)
    {
        var domain = new Option<string>("--domain", "-d") { Description = "The domain", Required = true };
        var skip = new Option<int>("--skip") { Description = "Accounts to skip", DefaultValueFactory = _ => 0 };
        var take = new Option<int>("--take") { Description = "Accounts to show (at most 1000)", DefaultValueFactory = _ => 100 };
        var command = new Command("list", "List a domain's accounts.") { domain, skip, take };
        command.SetAction(context.Run(async (parse, api, ct) =>
        {
            var response = await api.GetAsync(
                $"/api/router/accounts?domain={EscapeDataString(parse.GetValue(domain)!)}&skip={parse.GetValue(skip)}&take={parse.GetValue(take)}", ct);
            if (await api.JsonAsync(response, ct) is not { } page)
                return 1;
            foreach (var item in page.GetProperty("items").EnumerateArray())
                await api.Output.WriteLineAsync($"{item.GetProperty("user").GetString()}@{item.GetProperty("domain").GetString()}");
            await api.Output.WriteLineAsync($"({page.GetProperty("items").GetArrayLength()} shown, {page.GetProperty("total").GetInt32()} in {page.GetProperty("domain").GetString()})");
            return 0;
        }));
        return command;
    }

    private static Command Import(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV with lines user,domain,password (a header line is allowed)" };
        var command = new Command("import", "Import accounts from CSV: all lines or none.") { file };
        command.SetAction(context.Run(async (parse, api, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
                throw new CliException($"no such file: {path.FullName}");
            var text = await File.ReadAllTextAsync(path.FullName, ct);
            var response = await api.SendTextAsync(HttpMethod.Post, "/api/router/accounts/import", text, "text/csv", ct);
            if (await api.JsonAsync(response, ct) is not { } summary)
                return 1;
            await api.Output.WriteLineAsync($"imported {summary.GetProperty("imported").GetInt32()} accounts");
            return 0;
        }));
        return command;
    }
}
