using System.Text;
using Switchboard.Transaction.Keys;

namespace Switchboard.Transaction.Tests.Infrastructure;

public sealed class TransactionKeyTests
{
    private const string Branch = "z9hG4bK74bf9";

    private static TransactionKey Server(string method, string branch = Branch, string host = "pc33.example.com", int port = 5060) =>
        TransactionKey.ForServer(branch, host, port, method);

    private static TransactionKey Legacy(
        string method, string? toTag = null, uint cseq = 1, string callId = "c1", string fromTag = "f1",
        string uri = "sip:bob@example.com", string via = "SIP/2.0/UDP pc33.example.com") =>
        TransactionKey.ForRfc2543(uri, toTag, fromTag, callId, cseq, via, method);

    [Fact]
    public void SameBranch_InviteAndCancel_AreDifferentTransactions()
    {
        Assert.NotEqual(Server("INVITE"), Server("CANCEL"));
        Assert.Equal("CANCEL", Server("CANCEL").Method);
    }

    [Fact]
    public void SameBranch_AckMatchesTheInvite()
    {
        var invite = Server("INVITE");
        var ack = Server("ACK");
        Assert.Equal(invite, ack);
        Assert.Equal(invite.GetHashCode(), ack.GetHashCode());
        Assert.Equal("INVITE", ack.Method);
    }

    [Fact]
    public void AckForA2xx_CarriesANewBranch_AndMatchesNothing()
    {
        Assert.NotEqual(Server("INVITE"), Server("ACK", branch: "z9hG4bK-new-for-ack"));
    }

    [Fact]
    public void SentBy_HostIsCaseInsensitive_PortMatters()
    {
        Assert.Equal(Server("INVITE", host: "PC33.Example.COM"), Server("INVITE"));
        Assert.NotEqual(Server("INVITE", port: 5080), Server("INVITE"));
        Assert.NotEqual(Server("INVITE", host: "other.example.com"), Server("INVITE"));
    }

    [Fact]
    public void Branch_IsCaseSensitive()
    {
        Assert.NotEqual(Server("INVITE", branch: "z9hG4bKabc"), Server("INVITE", branch: "z9hG4bKABC"));
    }

    [Theory]
    [InlineData("z9hG4bK", true)]
    [InlineData("z9hG4bKx1", true)]
    [InlineData("Z9HG4BKx1", false)]
    [InlineData("1234", false)]
    [InlineData("", false)]
    public void MagicCookie_IsRecognised_InCharsAndBytes(string branch, bool expected)
    {
        Assert.Equal(expected, TransactionKey.HasMagicCookie(branch));
        Assert.Equal(expected, TransactionKey.HasMagicCookie(Encoding.UTF8.GetBytes(branch)));
    }

    [Fact]
    public void BranchWithoutCookie_IsRejectedByForServer_SoTheGlueBuildsTheFallback()
    {
        Assert.Throws<ArgumentException>(() => Server("INVITE", branch: "a71b"));
        var key = Legacy("INVITE");
        Assert.Equal(TransactionKeyKind.Rfc2543, key.Kind);
    }

    [Fact]
    public void ByteOverload_EqualsStringOverload()
    {
        var fromBytes = TransactionKey.ForServer("z9hG4bK74bf9"u8, "pc33.example.com"u8, 5060, "INVITE"u8);
        Assert.Equal(Server("INVITE"), fromBytes);
    }

    [Fact]
    public void Rfc2543_EqualWhenEveryFieldMatches()
    {
        Assert.Equal(Legacy("BYE", toTag: "t1"), Legacy("BYE", toTag: "t1"));
        Assert.Equal(Legacy("BYE", toTag: "t1").GetHashCode(), Legacy("BYE", toTag: "t1").GetHashCode());
    }

    [Fact]
    public void Rfc2543_DiffersOnAnyField()
    {
        var key = Legacy("BYE", toTag: "t1");
        Assert.NotEqual(key, Legacy("BYE", toTag: "t2"));
        Assert.NotEqual(key, Legacy("BYE", toTag: "t1", cseq: 2));
        Assert.NotEqual(key, Legacy("BYE", toTag: "t1", callId: "c2"));
        Assert.NotEqual(key, Legacy("BYE", toTag: "t1", fromTag: "f2"));
        Assert.NotEqual(key, Legacy("BYE", toTag: "t1", uri: "sip:carol@example.com"));
        Assert.NotEqual(key, Legacy("BYE", toTag: "t1", via: "SIP/2.0/UDP other.example.com"));
        Assert.NotEqual(key, Legacy("OPTIONS", toTag: "t1"));
    }

    [Fact]
    public void Rfc2543_AckWithOurToTag_MatchesTheInviteWithout()
    {
        Assert.Equal(Legacy("INVITE"), Legacy("ACK", toTag: "our-tag"));
        Assert.NotEqual(Legacy("INVITE"), Legacy("CANCEL"));
    }

    [Fact]
    public void Rfc2543_NeverEqualsABranchKey()
    {
        Assert.NotEqual(Legacy("INVITE"), Server("INVITE"));
    }

    [Fact]
    public void Client_KeyIsBranchAndMethod()
    {
        Assert.Equal(TransactionKey.ForClient(Branch, "INVITE"), TransactionKey.ForClient(Branch, "INVITE"));
        Assert.NotEqual(TransactionKey.ForClient(Branch, "INVITE"), TransactionKey.ForClient(Branch, "CANCEL"));
        Assert.NotEqual(TransactionKey.ForClient(Branch, "INVITE"), Server("INVITE"));
    }

    [Fact]
    public void DefaultKey_EqualsOnlyDefault()
    {
        Assert.Equal(default, default(TransactionKey));
        Assert.NotEqual(default, Server("INVITE"));
        Assert.Equal(TransactionKeyKind.None, default(TransactionKey).Kind);
        Assert.Equal(string.Empty, default(TransactionKey).Branch);
    }

    [Fact]
    public void Hash_SpreadsSimilarBranches()
    {
        var hashes = new HashSet<int>();
        for (var i = 0; i < 10_000; i++) hashes.Add(Server("INVITE", branch: $"z9hG4bK{i}").GetHashCode());
        Assert.True(hashes.Count > 9_980, $"only {hashes.Count} distinct hashes");
    }

    [Fact]
    public void MissingArguments_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => TransactionKey.ForClient("", "INVITE"));
        Assert.Throws<ArgumentException>(() => TransactionKey.ForServer(Branch, "h", 1, ""));
        Assert.Throws<ArgumentNullException>(() => TransactionKey.ForRfc2543(null!, null, null, "c", 1, "v", "BYE"));
    }
}
