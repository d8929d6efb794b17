using Switchboard.Router.Routing;
using Xunit;

namespace Switchboard.Router.Tests.Routing;

public class RouterTableParserTests
{
    [Fact]
    public void ParsesTheManualsGatewayRecords()
    {
        var result = RouterTableParser.Parse("""
            ; External Gateway records from the SIP module manual
            Live:<011*> = 011*@sip.provider.dom
            Live:<9*> = 011*@sip.provider.dom
            <9*> = 011*@sip.provider.dom
            """);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var records = result.Table!.Records;
        Assert.Equal(3, records.Count);
        Assert.Equal(RouterTraffic.Live, records[0].Traffic);
        Assert.Equal("011*", records[0].Pattern.Text);
        Assert.Equal("011*@sip.provider.dom", records[0].Target);
        Assert.Equal(2, records[0].Line);
        Assert.Equal(RouterTraffic.All, records[2].Traffic);
        Assert.Equal(4, records[2].Line);
    }

    [Theory]
    [InlineData("Signal:<*@old.dom> = *@new.dom", RouterTraffic.Signal)]
    [InlineData("access:<bob@*> = robert", RouterTraffic.Access)]
    [InlineData("MAIL:<x> = y", RouterTraffic.Mail)]
    [InlineData("  <x> = y   ; trailing comment", RouterTraffic.All)]
    public void ReadsPrefixes(string line, RouterTraffic expected)
    {
        var result = RouterTableParser.Parse(line);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(expected, Assert.Single(result.Table!.Records).Traffic);
    }

    [Fact]
    public void KeepsUriParametersButDropsCommentsAfterWhitespace()
    {
        var record = Assert.Single(RouterTableParser.Parse("<conf*> = sip:conf*@media.dom;transport=tcp ; to the bridge").Table!.Records);

        Assert.Equal("sip:conf*@media.dom;transport=tcp", record.Target);
    }

    [Fact]
    public void DomainRecordIsShorthandForAllUsersOfTheDomain()
    {
        var record = Assert.Single(RouterTableParser.Parse("Old.Dom = new.dom").Table!.Records);

        Assert.Equal("*@old.dom", record.Pattern.Text);
        Assert.Equal("*@new.dom", record.Target);
    }

    [Fact]
    public void ReportsEveryBadLineWithItsNumberAndStoresNothing()
    {
        var result = RouterTableParser.Parse("""
            <good> = fine@x.dom
            Phone:<1*> = 1*@x.dom
            <a**> = b
            <missing-equals> b
            <x> =
            <x> = error:200
            <plain> = a*@x.dom
            <unclosed = y
            """);

        Assert.False(result.Succeeded);
        Assert.Null(result.Table);
        Assert.Equal(new[] { 2, 3, 4, 5, 6, 7, 8 }, result.Errors.Select(e => e.Line));
        Assert.Contains("Phone", result.Errors[0].Message);
        Assert.Contains("only one '*'", result.Errors[1].Message);
        Assert.Contains("200", result.Errors[4].Message);
        Assert.StartsWith("line 2:", result.Errors[0].ToString());
    }

    [Fact]
    public void EmptyTextAndCommentsGiveAnEmptyTable()
    {
        var result = RouterTableParser.Parse("; nothing\r\n\r\n   ; here\n");

        Assert.True(result.Succeeded);
        Assert.Empty(result.Table!.Records);
    }
}
