using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;
using Switchboard.Contracts;
using Switchboard.Contracts.Events;
using Switchboard.Contracts.Logging;
using Switchboard.Hosting.Logging;

namespace Switchboard.AdminGateway.Tests;

public sealed class SystemLogForwarderTests
{
    private static IHost Host(Dictionary<string, string?>? settings = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Consul:ServiceName"] = "transaction",
            ["SystemLog:Forwarding:Enabled"] = "true",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.Services.AddSingleton<IMetricFactory>(Metrics.WithCustomRegistry(Metrics.NewCustomRegistry()));
        builder.Services.AddSingleton<RecordingEventPublisher>();
        builder.Services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<RecordingEventPublisher>());
        builder.Services.AddSystemLog(builder.Configuration);
        builder.Services.AddSystemLogForwarding(builder.Configuration);
        return builder.Build();
    }

    private static IReadOnlyList<LogRecorded> Records(IHost host) =>
        host.Services.GetRequiredService<RecordingEventPublisher>().Events.OfType<LogRecorded>().ToArray();

    private static void LogEveryLevel(ILogger logger)
    {
        foreach (var level in new[] { LogLevel.Trace, LogLevel.Debug, LogLevel.Information, LogLevel.Warning, LogLevel.Error, LogLevel.Critical })
        {
            logger.Log(level, "at {Level}", level);
        }
    }

    [Fact]
    public async Task Only_records_at_or_above_the_tags_level_are_published_and_a_new_level_applies_at_once()
    {
        using var host = Host();
        await host.StartAsync();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Switchboard.Transaction.SIPS");

        LogEveryLevel(logger); // SIPS at Problems (the default): Information and up
        await Eventually.True(() => Records(host).Count >= 4);
        host.Services.GetRequiredService<ISystemLogLevels>().Set("SIPS", SystemLogLevel.LowLevel);
        LogEveryLevel(logger); // now Debug and up
        await Eventually.True(() => Records(host).Count >= 9);
        await Task.Delay(100); // nothing more may follow
        await host.StopAsync();

        var records = Records(host);
        Assert.Equal(
            ["Problems", "Major", "Failure", "Failure", "LowLevel", "Problems", "Major", "Failure", "Failure"],
            records.Select(r => r.Level.ToString()));
        Assert.All(records, r => Assert.Equal(("transaction", "SIPS"), (r.Service, r.Tag)));
        Assert.Equal("at Warning", records[1].Text);
    }

    [Theory]
    [InlineData("Switchboard.Router.Resolver", "ROUTER")]
    [InlineData("Switchboard.Transaction.Client.Invite", "SIPC")]
    [InlineData("Switchboard.Registrar.REGISTRAR", "REGISTRAR")]
    public async Task The_tag_comes_from_the_category(string category, string tag)
    {
        using var host = Host();
        await host.StartAsync();

        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category).LogError("boom");
        await Eventually.True(() => Records(host).Count >= 1);
        await host.StopAsync();

        Assert.Equal(tag, Assert.Single(Records(host)).Tag);
    }

    [Fact]
    public async Task Untagged_and_bus_categories_are_not_published_and_a_publish_that_logs_does_not_loop()
    {
        using var host = Host();
        var publisher = host.Services.GetRequiredService<RecordingEventPublisher>();
        publisher.LogWhilePublishing = "MassTransit.Transports.SendEndpoint";
        await host.StartAsync();
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();

        loggers.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").LogCritical("not ours");
        loggers.CreateLogger("Switchboard.Hosting.Bus.EventDrainService").LogError("the bus's own");
        loggers.CreateLogger("MassTransit.SIPS").LogError("excluded even with a tag");
        loggers.CreateLogger("Switchboard.Router").LogError("ours");
        await Eventually.True(() => Records(host).Count >= 1);
        await Task.Delay(200);
        await host.StopAsync();

        Assert.Equal("ours", Assert.Single(Records(host)).Text);
        Assert.Equal(1, publisher.Calls);
    }

    [Fact]
    public async Task Nothing_is_forwarded_unless_enabled()
    {
        using var host = Host(new() { ["SystemLog:Forwarding:Enabled"] = "false" });
        await host.StartAsync();

        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Switchboard.Router").LogCritical("stays local");
        await Task.Delay(200);
        await host.StopAsync();

        Assert.Empty(host.Services.GetRequiredService<RecordingEventPublisher>().Events);
        Assert.Equal(0, host.Services.GetRequiredService<SystemLogForwardingMetrics>().Queued.Value);
    }

    [Fact]
    public async Task Logging_never_blocks_when_the_queue_is_full_and_drops_are_counted()
    {
        using var host = Host(new() { ["SystemLog:Forwarding:Capacity"] = "8" });
        host.Services.GetRequiredService<RecordingEventPublisher>().Block = true;
        await host.StartAsync();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Switchboard.Transaction");
        var metrics = host.Services.GetRequiredService<SystemLogForwardingMetrics>();

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 10_000; i++)
        {
            logger.LogError("record {Index}", i);
        }

        watch.Stop();
        var publisher = host.Services.GetRequiredService<RecordingEventPublisher>();
        await Eventually.True(() => publisher.Calls == 1);

        // The pump holds one record in the stuck publish, the queue 8: everything else was dropped.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"10,000 log calls took {watch.Elapsed}");
        Assert.InRange(metrics.Dropped.Value, 10_000 - 9, 10_000 - 8);
        Assert.InRange(metrics.Queued.Value, 8, 9);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await host.StopAsync(stop.Token);
    }
}
