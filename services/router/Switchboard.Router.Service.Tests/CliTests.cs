using Switchboard.Cli;

namespace Switchboard.Router.Service.Tests;

public class CliTests : IAsyncLifetime
{
    private RouterServiceHost _host = null!;
    private string _files = null!;

    public async Task InitializeAsync()
    {
        _host = await RouterServiceHost.StartAsync();
        _files = Path.Combine(_host.DataDirectory, "cli-files");
        Directory.CreateDirectory(_files);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ManagesDomainsAndAccounts()
    {
        Assert.Equal((0, "added example.com\n", ""), await RunAsync("domains", "add", "example.com"));
        Assert.Equal((0, "example.com\n", ""), await RunAsync("domains", "list"));
        Assert.Equal((0, "created alice@example.com\n", ""), await RunAsync("accounts", "add", "alice@example.com", "--password", "pw"));

        var duplicate = await RunAsync("accounts", "add", "alice@example.com", "--password", "pw");
        Assert.Equal(1, duplicate.Exit);
        Assert.Equal("error: HTTP 409: account already exists\n", duplicate.Error);

        var csv = Path.Combine(_files, "users.csv");
        await File.WriteAllTextAsync(csv, "user,domain,password\nbob,example.com,pw1\ncarol,example.com,pw2\n");
        Assert.Equal((0, "imported 2 accounts\n", ""), await RunAsync("accounts", "import", csv));

        var list = await RunAsync("accounts", "list", "--domain", "example.com");
        Assert.Equal(0, list.Exit);
        Assert.Equal("alice@example.com\nbob@example.com\ncarol@example.com\n(3 shown, 3 in example.com)\n", list.Output);

        Assert.Equal((0, "deleted bob@example.com\n", ""), await RunAsync("accounts", "delete", "bob@example.com"));
        Assert.Equal(1, (await RunAsync("accounts", "delete", "bob@example.com")).Exit);
        Assert.Equal((0, "deleted example.com\n", ""), await RunAsync("domains", "delete", "example.com"));
    }

    [Fact]
    public async Task BadCsvPrintsLineErrorsAndFails()
    {
        await RunAsync("domains", "add", "example.com");
        var csv = Path.Combine(_files, "bad.csv");
        await File.WriteAllTextAsync(csv, "ann,example.com,pw\nnot-a-line\n");

        var result = await RunAsync("accounts", "import", csv);

        Assert.Equal(1, result.Exit);
        Assert.Contains("error: HTTP 400: CSV import failed; nothing was imported", result.Error);
        Assert.Contains("  line 2: expected 3 fields", result.Error);
    }

    [Fact]
    public async Task ManagesAliasesForwardersAndTheRouterTable()
    {
        await RunAsync("domains", "add", "example.com");
        await RunAsync("accounts", "add", "alice@example.com", "--password", "pw");

        Assert.Equal(0, (await RunAsync("aliases", "add", "al@example.com", "alice")).Exit);
        Assert.Equal((0, "al@example.com -> alice@example.com\n", ""), await RunAsync("aliases", "list", "--domain", "example.com"));
        Assert.Equal(0, (await RunAsync("forwarders", "add", "sales@example.com", "sip:desk@far.example")).Exit);
        Assert.Equal((0, "sales@example.com -> sip:desk@far.example\n", ""), await RunAsync("forwarders", "list", "-d", "example.com"));
        Assert.Equal(0, (await RunAsync("aliases", "delete", "al@example.com")).Exit);
        Assert.Equal(0, (await RunAsync("forwarders", "delete", "sales@example.com")).Exit);

        var table = Path.Combine(_files, "table.txt");
        await File.WriteAllTextAsync(table, "Live:<9*> = 011*@sip.provider.example\n");
        Assert.Equal((0, "Router table replaced\n", ""), await RunAsync("router-table", "set", table));
        Assert.Equal((0, "Live:<9*> = 011*@sip.provider.example\n", ""), await RunAsync("router-table", "get"));

        await File.WriteAllTextAsync(table, "ok.example = other.example\ngarbage\n");
        var bad = await RunAsync("router-table", "set", table);
        Assert.Equal(1, bad.Exit);
        Assert.Contains("  line 2:", bad.Error);
    }

    [Fact]
    public async Task UserErrorsExitNonZero()
    {
        Assert.Equal(1, (await RunAsync("accounts", "add", "no-at-sign", "--password", "pw")).Exit);
        Assert.NotEqual(0, (await RunAsync("accounts", "add", "alice@example.com")).Exit); // --password is required
        Assert.Equal(1, (await RunAsync("router-table", "set", Path.Combine(_files, "missing.txt"))).Exit);

        var unreachable = await SwitchboardCli.RunAsync(["domains", "list", "--server", "http://127.0.0.1:1"], new StringWriter(), new StringWriter());
        Assert.Equal(1, unreachable);
        Assert.True(SwitchboardCli.IsCommand(["router-table", "get"]));
        Assert.False(SwitchboardCli.IsCommand(["--urls", "http://x"]));
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exit = await SwitchboardCli.RunAsync([.. args, "--server", _host.HttpAddress], output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
