using System.Diagnostics;
using System.Text;
using Switchboard.Router.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Switchboard.Router.Tests.Storage;

public class AccountCsvImportTests(ITestOutputHelper output)
{
    [Fact]
    public void ImportsTenThousandAccountsInOneTransaction()
    {
        using var data = new TempRouterData();
        data.Domains.AddDomain("one.example");
        data.Domains.AddDomain("two.example");
        var csv = new StringBuilder("user,domain,password\n");
        for (var i = 0; i < 10_000; i++)
            csv.Append("user").Append(i).Append(',').Append(i % 2 == 0 ? "one.example" : "Two.Example").Append(",pw-").Append(i).Append('\n');

        var watch = Stopwatch.StartNew();
        var result = data.Accounts.ImportCsv(new StringReader(csv.ToString()));
        watch.Stop();

        output.WriteLine($"Imported {result.Imported} accounts (MD5 + SHA-256 HA1 each) in {watch.ElapsedMilliseconds} ms");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(10_000, result.Imported);
        Assert.Equal(10_000, data.Accounts.CountAccounts());
        Assert.Equal(5_000, data.Accounts.CountAccounts("two.example"));
        var spot = data.Accounts.FindAccount("user7777", "two.example")!;
        Assert.Equal(SqliteStoreTests.Md5Hex("user7777:two.example:pw-7777"), spot.Ha1Md5);
        Assert.Equal(SqliteStoreTests.Sha256Hex("user7777:two.example:pw-7777"), spot.Ha1Sha256);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"import took {watch.Elapsed}");
    }

    [Fact]
    public void QuotedFieldsAndReimportUpdatePasswords()
    {
        using var data = new TempRouterData();
        data.Domains.AddDomain("a.example");
        data.Accounts.ImportCsv(new StringReader("bob,a.example,old\n"));

        var result = data.Accounts.ImportCsv(new StringReader("\"bob\",a.example,\"new,with \"\"quotes\"\"\"\r\n\r\ncarol,a.example,x\n"));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(2, result.Imported);
        Assert.Equal(SqliteStoreTests.Md5Hex("bob:a.example:new,with \"quotes\""), data.Accounts.FindAccount("bob", "a.example")!.Ha1Md5);
        Assert.Equal(2, data.Accounts.CountAccounts());
    }

    [Fact]
    public void BadLinesAreReportedWithNumbersAndNothingIsImported()
    {
        using var data = new TempRouterData();
        data.Domains.AddDomain("a.example");

        var result = data.Accounts.ImportCsv(new StringReader("""
            user,domain,password
            ok,a.example,pw
            two,fields
            x,unknown.example,pw
            bad user,a.example,pw
            y,a.example,"open
            z,a.example,
            """));

        Assert.False(result.Succeeded);
        Assert.Equal(0, result.Imported);
        Assert.Equal(new[] { 3, 4, 5, 6, 7 }, result.Errors.Select(e => e.Line));
        Assert.Contains("unknown.example", result.Errors[1].Message);
        Assert.Equal(0, data.Accounts.CountAccounts());
    }
}
