using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Logging;
using Switchboard.Hosting.Logging;

namespace Switchboard.Hosting.Tests;

public sealed class SystemLogTests
{
    [Theory]
    [InlineData(SystemLogLevel.Failure, LogLevel.Error)]
    [InlineData(SystemLogLevel.Major, LogLevel.Warning)]
    [InlineData(SystemLogLevel.Problems, LogLevel.Information)]
    [InlineData(SystemLogLevel.LowLevel, LogLevel.Debug)]
    [InlineData(SystemLogLevel.AllInfo, LogLevel.Trace)]
    public void Each_level_maps_to_a_minimum_and_back(SystemLogLevel system, LogLevel minimum)
    {
        Assert.Equal(minimum, system.ToMinimumLogLevel());
        Assert.Equal(system, minimum.ToSystemLogLevel());
    }

    [Fact]
    public void Critical_is_a_failure_and_unknown_values_are_rejected()
    {
        Assert.Equal(SystemLogLevel.Failure, LogLevel.Critical.ToSystemLogLevel());
        Assert.Throws<ArgumentOutOfRangeException>(() => LogLevel.None.ToSystemLogLevel());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((SystemLogLevel)0).ToMinimumLogLevel());
    }

    private static (ServiceProvider Services, RecordingLoggerProvider Records) Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var records = new RecordingLoggerProvider();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(records))
            .AddSystemLog(configuration)
            .BuildServiceProvider();
        return (services, records);
    }

    [Fact]
    public void Configured_tag_levels_filter_their_categories()
    {
        var (services, records) = Build(new()
        {
            ["SystemLog:Levels:REGISTRAR"] = "Major",
            ["SystemLog:Levels:SIPC"] = "AllInfo",
        });
        using var _ = services;
        var factory = services.GetRequiredService<ILoggerFactory>();
        var registrar = factory.CreateLogger("Switchboard.Registrar.Registration");
        var client = factory.CreateLogger("Switchboard.Transaction.Client.InviteClientTransaction");
        var server = factory.CreateLogger("Switchboard.Transaction.Server.InviteServerTransaction");

        registrar.LogWarning("registered");
        registrar.LogInformation("refreshed");
        client.LogTrace("timer A");
        server.LogInformation("100 Trying");
        server.LogDebug("retransmission");

        Assert.Equal(["registered", "timer A", "100 Trying"], records.Records.Select(r => r.Message));
    }

    [Fact]
    public void A_level_set_at_run_time_applies_to_existing_loggers()
    {
        var (services, records) = Build(new());
        using var _ = services;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Switchboard.MediaProxy.Relay");
        var levels = services.GetRequiredService<ISystemLogLevels>();

        logger.LogDebug("before");
        levels.Set(SystemLogTag.Media, SystemLogLevel.LowLevel);
        logger.LogDebug("after raise");
        levels.Set("media", SystemLogLevel.Failure);
        logger.LogWarning("after lower");
        logger.LogError("failure");

        Assert.Equal(["after raise", "failure"], records.Records.Select(r => r.Message));
        Assert.Equal(SystemLogLevel.Failure, levels.Get("MEDIA"));
    }

    [Fact]
    public void Unmapped_categories_keep_the_ordinary_configuration()
    {
        var (services, records) = Build(new() { ["SystemLog:Default"] = "Failure" });
        using var _ = services;
        var factory = services.GetRequiredService<ILoggerFactory>();

        factory.CreateLogger("Microsoft.AspNetCore.Hosting").LogDebug("kestrel detail");
        factory.CreateLogger("Switchboard.Router.Resolver").LogInformation("routed");

        Assert.Equal(["kestrel detail"], records.Records.Select(r => r.Message));
    }

    [Fact]
    public void Setting_an_undefined_level_is_rejected()
    {
        var (services, _) = Build(new());
        using var __ = services;
        var levels = services.GetRequiredService<ISystemLogLevels>();

        Assert.Throws<ArgumentOutOfRangeException>(() => levels.Set("SIP", (SystemLogLevel)42));
        Assert.Throws<ArgumentException>(() => levels.Set(" ", SystemLogLevel.AllInfo));
    }
}
