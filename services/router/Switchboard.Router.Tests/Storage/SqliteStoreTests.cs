using System.Security.Cryptography;
using System.Text;
using Switchboard.Router.Accounts;
using Switchboard.Router.Changes;
using Switchboard.Router.Routing;
using Switchboard.Router.Tests.Support;
using Xunit;

namespace Switchboard.Router.Tests.Storage;

public class SqliteStoreTests
{
    [Fact]
    public void EverythingSurvivesAReopen()
    {
        using var first = new TempRouterData();
        first.Domains.AddDomain("Example.COM");
        first.Domains.AddDomain("second.example");
        first.Accounts.CreateAccount("alice", "example.com", "wonderland");
        first.Routing.AddAlias(new Alias("ally", "example.com", "alice"));
        first.Routing.SetForwarder(new Forwarder("desk", "second.example", "alice@example.com"));
        first.Routing.SetRouterTable("; gateway\nLive:<9*> = 011*@sip.provider.dom\n");

        using var reopened = new TempRouterData(first.Directory);

        Assert.True(File.Exists(Path.Combine(first.Directory, "router.db")));
        Assert.Equal(new[] { "example.com", "second.example" }, reopened.Domains.ListDomains());
        var account = reopened.Accounts.FindAccount("alice", "EXAMPLE.com");
        Assert.NotNull(account);
        Assert.Equal(Md5Hex("alice:example.com:wonderland"), account.Ha1Md5);
        Assert.Equal(Sha256Hex("alice:example.com:wonderland"), account.Ha1Sha256);
        Assert.Null(account.NtHash);
        Assert.Equal(new Alias("ally", "example.com", "alice"), reopened.Routing.FindAlias("ally", "example.com"));
        Assert.Equal(new Forwarder("desk", "second.example", "alice@example.com"), Assert.Single(reopened.Routing.ListForwarders("second.example")));
        var table = reopened.Routing.GetRouterTable();
        Assert.Equal("; gateway\nLive:<9*> = 011*@sip.provider.dom\n", table.Text);
        Assert.Equal(RouterTraffic.Live, Assert.Single(table.Records).Traffic);
    }

    [Fact]
    public void DatabaseUsesWriteAheadLogging()
    {
        using var data = new TempRouterData();
        using var connection = data.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", (string?)command.ExecuteScalar());
    }

    [Fact]
    public void AccountLifecycleAndHa1ForAlgorithms()
    {
        using var data = new TempRouterData();
        data.Domains.AddDomain("a.example");

        Assert.Equal(AdminOutcome.UnknownDomain, data.Accounts.CreateAccount("u", "b.example", "pw"));
        Assert.Equal(AdminOutcome.Invalid, data.Accounts.CreateAccount("bad user", "a.example", "pw"));
        Assert.Equal(AdminOutcome.Invalid, data.Accounts.CreateAccount("u", "a.example", ""));
        Assert.Equal(AdminOutcome.Done, data.Accounts.CreateAccount("u", "a.example", "pw"));
        Assert.Equal(AdminOutcome.Done, data.Accounts.SetPassword("u", "a.example", "new"));
        var account = data.Accounts.FindAccount("u", "a.example")!;
        Assert.Equal(Md5Hex("u:a.example:new"), account.Ha1For("MD5"));
        Assert.Equal(Md5Hex("u:a.example:new"), account.Ha1For("MD5-sess"));
        Assert.Equal(Sha256Hex("u:a.example:new"), account.Ha1For("sha-256"));
        Assert.Null(account.Ha1For("SHA-512-256"));
        Assert.Equal(AdminOutcome.NotFound, data.Accounts.SetPassword("v", "a.example", "x"));
        Assert.Equal(AdminOutcome.Done, data.Routing.AddAlias(new Alias("you", "a.example", "u")));
        Assert.Equal(AdminOutcome.Done, data.Accounts.DeleteAccount("u", "a.example"));
        Assert.Null(data.Accounts.FindAccount("u", "a.example"));
        Assert.Null(data.Routing.FindAlias("you", "a.example"));
        Assert.Equal(AdminOutcome.NotFound, data.Accounts.DeleteAccount("u", "a.example"));
    }

    [Fact]
    public void NtHashIsStoredOnlyWhenTheSettingAllowsIt()
    {
        using var data = new TempRouterData(storeNtHash: true);
        data.Domains.AddDomain("a.example");
        data.Accounts.CreateAccount("u", "a.example", "password");

        // Well-known NT hash of "password".
        Assert.Equal("8846f7eaee8fb117ad06bdd830b7586c", data.Accounts.FindAccount("u", "a.example")!.NtHash);
    }

    [Fact]
    public void RemovingADomainRemovesItsAccountsAliasesAndForwarders()
    {
        using var data = new TempRouterData();
        data.Domains.AddDomain("gone.example");
        data.Domains.AddDomain("kept.example");
        data.Accounts.CreateAccount("u", "gone.example", "pw");
        data.Accounts.CreateAccount("u", "kept.example", "pw");
        data.Routing.AddAlias(new Alias("a", "gone.example", "u"));
        data.Routing.SetForwarder(new Forwarder("f", "gone.example", "u@kept.example"));

        Assert.Equal(AdminOutcome.Done, data.Domains.RemoveDomain("GONE.example"));

        Assert.False(data.Domains.IsLocal("gone.example"));
        Assert.Equal(0, data.Accounts.CountAccounts("gone.example"));
        Assert.Empty(data.Routing.ListAliases("gone.example"));
        Assert.Null(data.Routing.FindForwarder("f", "gone.example"));
        Assert.Equal(1, data.Accounts.CountAccounts());
        Assert.Equal(AdminOutcome.NotFound, data.Domains.RemoveDomain("gone.example"));
    }

    [Fact]
    public void InvalidRouterTableIsNotStored()
    {
        using var data = new TempRouterData();
        data.Routing.SetRouterTable("<a> = b");
        var changes = new List<RoutingChanged>();
        data.Changes.Changed += changes.Add;

        var result = data.Routing.SetRouterTable("<a> = b\nnonsense");

        Assert.Equal(2, Assert.Single(result.Errors).Line);
        Assert.Equal("<a> = b", data.Routing.GetRouterTable().Text);
        Assert.Empty(changes);
    }

    internal static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    internal static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
