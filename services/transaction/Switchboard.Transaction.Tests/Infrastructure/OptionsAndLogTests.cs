using Switchboard.Transaction.Client;
using Switchboard.Transaction.Logging;
using Switchboard.Transaction.Options;
using Switchboard.Transaction.Tests.Doubles;
using static Switchboard.Transaction.Tests.Doubles.Harness;

namespace Switchboard.Transaction.Tests.Infrastructure;

public sealed class OptionsAndLogTests
{
    [Fact]
    public void Defaults_AreTheRfcValues()
    {
        var o = new TransactionOptions();
        Assert.Equal(TimeSpan.FromMilliseconds(500), o.T1);
        Assert.Equal(TimeSpan.FromSeconds(4), o.T2);
        Assert.Equal(TimeSpan.FromSeconds(5), o.T4);
        Assert.Equal(TimeSpan.FromSeconds(32), o.Timeout64T1);
        Assert.Equal(TimeSpan.FromMilliseconds(200), o.TryingDelay);
    }

    [Theory]
    [InlineData("T1")]
    [InlineData("T2")]
    [InlineData("Limit")]
    [InlineData("Processors")]
    [InlineData("Tick")]
    public void Validate_RejectsMeaninglessValues(string field)
    {
        var o = new TransactionOptions();
        switch (field)
        {
            case "T1": o.T1 = TimeSpan.Zero; break;
            case "T2": o.T2 = TimeSpan.FromMilliseconds(100); break;
            case "Limit": o.Server.Limit = 0; break;
            case "Processors": o.Client.Processors = -1; break;
            case "Tick": o.TimerTick = TimeSpan.Zero; break;
        }
        Assert.Throws<ArgumentOutOfRangeException>(o.Validate);
    }

    [Fact]
    public void ClientTimeout_IsLoggedUnderSipc_AtProblems()
    {
        var loggers = new RecordingLoggerFactory();
        using var h = new Harness(o => o.Client.Log = TransactionLogLevel.Problems, loggers);
        var tx = new ClientNonInviteTransaction(ClientKey(method: "OPTIONS"), Bytes("OPTIONS"), h.Transport(true), new RecordingClientUser(), h.Context);
        tx.Start();
        h.Clock.RunToSeconds(32);
        var entry = Assert.Single(loggers.Entries);
        Assert.StartsWith($"{TransactionLog.ClientCategory}|Warning|", entry);
        Assert.Contains("timed out", entry);
        Assert.EndsWith("SIPC", TransactionLog.ClientCategory);
        Assert.EndsWith("SIPS", TransactionLog.ServerCategory);
    }

    [Fact]
    public void LevelGates_WhatIsWritten()
    {
        var loggers = new RecordingLoggerFactory();
        using var h = new Harness(o => o.Client.Log = TransactionLogLevel.Failure, loggers);
        var tx = new ClientNonInviteTransaction(ClientKey(method: "OPTIONS"), Bytes("OPTIONS"), h.Transport(false), new RecordingClientUser(), h.Context);
        tx.Start();
        h.Clock.RunToSeconds(32);
        Assert.Empty(loggers.Entries);

        var all = new RecordingLoggerFactory();
        using var verbose = new Harness(o => o.Client.Log = TransactionLogLevel.AllInfo, all);
        var tx2 = new ClientNonInviteTransaction(ClientKey(method: "OPTIONS"), Bytes("OPTIONS"), verbose.Transport(false), new RecordingClientUser(), verbose.Context);
        tx2.Start();
        verbose.Clock.RunToSeconds(32);
        Assert.Contains(all.Entries, e => e.Contains("|Trace|") && e.Contains("started"));
        Assert.Contains(all.Entries, e => e.Contains("|Debug|") && e.Contains("retransmits"));
        Assert.Contains(all.Entries, e => e.Contains("|Trace|") && e.Contains("terminated"));
    }
}
