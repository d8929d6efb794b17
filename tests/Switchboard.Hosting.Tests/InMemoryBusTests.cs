using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;
using Switchboard.Contracts;
using Switchboard.Contracts.Events;
using Switchboard.Contracts.Logging;
using Switchboard.Hosting.Bus;
using Switchboard.Hosting.Logging;
using Switchboard.Hosting.Settings;

namespace Switchboard.Hosting.Tests;

public sealed class InMemoryBusTests
{
    private static IHost Host(Action<IBusRegistrationConfigurator> consumers, Action<IHostApplicationBuilder>? configure = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        configure?.Invoke(builder);
        builder.Services.AddSingleton<IMetricFactory>(Metrics.WithCustomRegistry(Metrics.NewCustomRegistry()));
        builder.Services.AddSingleton<ReceivedCalls>();
        builder.Services.AddSystemLog(builder.Configuration);
        builder.Services.AddSwitchboardBus(builder.Configuration, consumers);
        return builder.Build();
    }

    [Fact]
    public async Task An_event_published_through_IEventPublisher_reaches_a_consumer()
    {
        using var host = Host(x => x.AddConsumer<CallStartedRecordingConsumer>());
        await host.StartAsync();
        var publisher = host.Services.GetRequiredService<IEventPublisher>();
        var received = host.Services.GetRequiredService<ReceivedCalls>();

        await publisher.Publish(new CallStarted("abc@127.0.0.1", "sip:alice@example.com", "sip:bob@example.com", DateTimeOffset.UnixEpoch));

        var arrived = await Eventually.True(() => received.Events.Count == 1);
        await host.StopAsync();
        Assert.True(arrived, "the consumer did not receive the event within 10 s");
        var call = Assert.Single(received.Events);
        Assert.Equal(("abc@127.0.0.1", "sip:bob@example.com"), (call.CallId, call.To));
    }

    [Fact]
    public async Task A_SystemLog_SettingsChanged_event_changes_the_level_of_its_tag()
    {
        using var host = Host(x => x.AddConsumer<SettingsChangedConsumer>());
        await host.StartAsync();
        var levels = host.Services.GetRequiredService<ISystemLogLevels>();
        var publisher = host.Services.GetRequiredService<IEventPublisher>();
        Assert.Equal(SystemLogLevel.Problems, levels.Get(SystemLogTag.SipServer));

        await publisher.Publish(new SettingsChanged("Router", "SIPS", "AllInfo", DateTimeOffset.UnixEpoch));
        await publisher.Publish(new SettingsChanged("SystemLog", "SIPS", "NoSuchLevel", DateTimeOffset.UnixEpoch));
        await publisher.Publish(new SettingsChanged("SystemLog", "SIPS", "LowLevel", DateTimeOffset.UnixEpoch));

        var changed = await Eventually.True(() => levels.Get(SystemLogTag.SipServer) != SystemLogLevel.Problems);
        await host.StopAsync();
        Assert.True(changed, "the level did not change within 10 s");
        Assert.Equal(SystemLogLevel.LowLevel, levels.Get(SystemLogTag.SipServer));
    }

    [Fact]
    public async Task The_per_process_settings_consumer_applies_a_level_change()
    {
        using var host = Host(x => x.AddSystemLogSettingsConsumer());
        await host.StartAsync();
        var levels = host.Services.GetRequiredService<ISystemLogLevels>();
        var publisher = host.Services.GetRequiredService<IEventPublisher>();

        await publisher.Publish(new SettingsChanged("SystemLog", "REGISTRAR", "AllInfo", DateTimeOffset.UnixEpoch));

        var changed = await Eventually.True(() => levels.Get(SystemLogTag.Registrar) == SystemLogLevel.AllInfo);
        await host.StopAsync();
        Assert.True(changed, "the level did not change within 10 s");
    }

    [Fact]
    public async Task The_same_consumer_applies_other_components_to_the_configuration_and_levels_still_work()
    {
        using var host = Host(x => x.AddSettingsConsumer(), builder =>
        {
            builder.AddRuntimeSettings();
            builder.Services.AddOptions<RuntimeSettingsTests.SampleOptions>().Bind(builder.Configuration.GetSection("Sample"));
            builder.Services.AddRuntimeOptions<RuntimeSettingsTests.SampleOptions>("Sample");
        });
        await host.StartAsync();
        var monitor = host.Services.GetRequiredService<IOptionsMonitor<RuntimeSettingsTests.SampleOptions>>();
        var levels = host.Services.GetRequiredService<ISystemLogLevels>();
        var publisher = host.Services.GetRequiredService<IEventPublisher>();

        await publisher.Publish(new SettingsChanged("Sample", "Limit", "33", DateTimeOffset.UnixEpoch));
        await publisher.Publish(new SettingsChanged("SystemLog", "ROUTER", "Major", DateTimeOffset.UnixEpoch));

        var applied = await Eventually.True(() => monitor.CurrentValue.Limit == 33 && levels.Get(SystemLogTag.Router) == SystemLogLevel.Major);
        await host.StopAsync();
        Assert.True(applied, "the setting and the level were not both applied within 10 s");
    }

    [Fact]
    public void Each_process_gets_its_own_settings_queue()
    {
        var names = new[] { ("edge-1", 1), ("edge-2", 1), ("edge-1", 7) }
            .Select(p => SettingsConsumerRegistration.EndpointName(p.Item1, p.Item2)).ToArray();

        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.StartsWith("SettingsChanged-", n, StringComparison.Ordinal));
    }

    public sealed class ReceivedCalls
    {
        private readonly ConcurrentQueue<CallStarted> _events = new();

        public IReadOnlyList<CallStarted> Events => _events.ToArray();

        public void Add(CallStarted call) => _events.Enqueue(call);
    }

    public sealed class CallStartedRecordingConsumer(ReceivedCalls received) : IConsumer<CallStarted>
    {
        public Task Consume(ConsumeContext<CallStarted> context)
        {
            received.Add(context.Message);
            return Task.CompletedTask;
        }
    }
}
