using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.AdminGateway.SystemLog;
using Switchboard.Contracts;
using Switchboard.Contracts.Events;
using Switchboard.Contracts.Logging;

namespace Switchboard.AdminGateway.Tests;

public sealed class SystemLogTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private static LogRecorded Record(int i, string tag, SystemLogLevel level) =>
        new(T0.AddSeconds(i), "transaction", tag, level, $"record {i}");

    [Fact]
    public async Task LogRecorded_events_on_the_bus_reach_the_file_and_the_log_query()
    {
        await using var gateway = await GatewayHost.Start(new());
        var publisher = gateway.Services.GetRequiredService<IEventPublisher>();
        var ring = gateway.Services.GetRequiredService<SystemLogRing>();

        await publisher.Publish(Record(1, SystemLogTag.SipServer, SystemLogLevel.Major));
        await publisher.Publish(Record(2, SystemLogTag.Router, SystemLogLevel.Failure) with { Text = "two\nlines" });
        await publisher.Publish(Record(3, SystemLogTag.SipServer, SystemLogLevel.LowLevel));
        var arrived = await Eventually.True(() => ring.Query(10).Count == 3);
        var last2 = await gateway.GetJson<LogRecordView[]>("/api/log?last=2");
        var file = await File.ReadAllTextAsync(Path.Combine(gateway.DataDirectory, "log", "system.log"));

        Assert.True(arrived, "3 records did not reach the System Log within 10 s");
        Assert.Equal(["two\nlines", "record 3"], last2!.Select(r => r.Text));
        Assert.Equal("Failure", last2![0].Level);
        Assert.Equal(
            "2026-11-26T10:00:01.000Z transaction SIPS Major: record 1\n" +
            "2026-11-26T10:00:02.000Z transaction ROUTER Failure: two\n\tlines\n" +
            "2026-11-26T10:00:03.000Z transaction SIPS LowLevel: record 3\n", file);
    }

    [Fact]
    public async Task The_log_query_filters_by_tag_and_keeps_levels_at_or_above_the_one_asked()
    {
        await using var gateway = await GatewayHost.Start(new());
        var ring = gateway.Services.GetRequiredService<SystemLogRing>();
        var levels = Enum.GetValues<SystemLogLevel>();
        for (var i = 0; i < 10; i++)
        {
            ring.Add(Record(i, i % 2 == 0 ? SystemLogTag.SipServer : SystemLogTag.SipClient, levels[i % levels.Length]));
        }

        var sips = await gateway.GetJson<LogRecordView[]>("/api/log?tag=sips&level=Problems");
        var lastOne = await gateway.GetJson<LogRecordView[]>("/api/log?last=1&level=failure");

        // i: 0 Failure, 2 Problems, 4 AllInfo, 6 Major, 8 LowLevel (SIPS); Problems keeps 0, 2, 6.
        Assert.Equal(["record 0", "record 2", "record 6"], sips!.Select(r => r.Text));
        Assert.Equal(["record 5"], lastOne!.Select(r => r.Text));
    }

    [Theory]
    [InlineData("/api/log?level=Loud")]
    [InlineData("/api/log?level=3")]
    [InlineData("/api/log?last=0")]
    [InlineData("/api/log?last=10001")]
    public async Task A_bad_query_is_a_400(string path)
    {
        await using var gateway = await GatewayHost.Start(new());

        using var response = await gateway.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public void The_file_rotates_at_the_size_limit_and_keeps_MaxFiles_old_files()
    {
        using var dir = new TempDirectory();
        var options = Options.Create(new SystemLogStoreOptions { Directory = dir.Path, MaxFileBytes = 200, MaxFiles = 2 });
        using var file = new SystemLogFile(options);
        var lineLength = SystemLogFile.Format(Record(10, "SIPS", SystemLogLevel.Major)).Length; // 59 bytes: 3 fit in 200

        for (var i = 10; i <= 30; i++)
        {
            file.Write(Record(i, "SIPS", SystemLogLevel.Major));
        }

        var current = File.ReadAllLines(file.CurrentPath);
        var first = File.ReadAllLines(file.RotatedPath(1));
        var second = File.ReadAllLines(file.RotatedPath(2));
        Assert.Equal(59, lineLength);
        Assert.All([file.CurrentPath, file.RotatedPath(1), file.RotatedPath(2)], p => Assert.True(new FileInfo(p).Length <= 200));
        Assert.False(File.Exists(file.RotatedPath(3)));
        Assert.Equal(["record 28", "record 29", "record 30"], current.Select(Text));
        Assert.Equal(["record 25", "record 26", "record 27"], first.Select(Text));
        Assert.Equal(["record 22", "record 23", "record 24"], second.Select(Text));
    }

    [Fact]
    public void The_ring_keeps_only_its_capacity_newest_records()
    {
        var ring = new SystemLogRing(Options.Create(new SystemLogStoreOptions { RingCapacity = 3 }));
        for (var i = 0; i < 5; i++)
        {
            ring.Add(Record(i, "SIPS", SystemLogLevel.Major));
        }

        Assert.Equal(["record 2", "record 3", "record 4"], ring.Query(10).Select(r => r.Text));
        Assert.Equal(["record 4"], ring.Query(1).Select(r => r.Text));
    }

    private static string Text(string line) => line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..];
}
