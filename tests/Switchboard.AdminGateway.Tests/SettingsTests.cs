using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.AdminGateway.Settings;
using Switchboard.Contracts.Events;
using Switchboard.Contracts.Logging;
using Switchboard.Hosting.Logging;

namespace Switchboard.AdminGateway.Tests;

public sealed class SettingsTests
{
    [Fact]
    public async Task A_put_stores_the_setting_publishes_SettingsChanged_and_the_log_level_changes()
    {
        var received = new ReceivedSettings();
        await using var gateway = await GatewayHost.Start(new(),
            services => services.AddSingleton(received),
            x => x.AddConsumer<RecordingSettingsChangedConsumer>());
        var levels = gateway.Services.GetRequiredService<ISystemLogLevels>();
        Assert.Equal(SystemLogLevel.Problems, levels.Get("SIPS"));

        using var response = await gateway.Client.PutAsJsonAsync("/api/settings/systemlog/sips", new SettingValue("lowlevel"));
        var changed = await Eventually.True(() => levels.Get("SIPS") == SystemLogLevel.LowLevel && received.Events.Count > 0);
        var stored = await gateway.GetJson<Setting[]>("/api/settings");
        var view = await gateway.GetJson<LogLevelsView>("/api/settings/log-levels");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(changed, "the level did not change within 10 s");
        var evt = Assert.Single(received.Events);
        Assert.Equal(("SystemLog", "SIPS", "LowLevel"), (evt.Component, evt.Key, evt.Value));
        Assert.Equal([("SystemLog", "SIPS", "LowLevel")], stored!.Select(s => (s.Component, s.Key, s.Value)));
        Assert.Equal("LowLevel", view!.Current["SIPS"]);
        Assert.Equal("Problems", view.Current["ROUTER"]);
    }

    [Theory]
    [InlineData("/api/settings/SystemLog/SIPS", "Loud")]
    [InlineData("/api/settings/SystemLog/SIPS", null)]
    [InlineData("/api/settings/Sys%20Log/SIPS", "Major")]
    public async Task A_bad_setting_is_a_400_and_is_not_stored(string path, string? value)
    {
        await using var gateway = await GatewayHost.Start(new());

        using var response = await gateway.Client.PutAsJsonAsync(path, new SettingValue(value));
        var stored = await gateway.GetJson<Setting[]>("/api/settings");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(stored!);
    }

    [Fact]
    public void Settings_survive_a_new_store_and_the_last_write_wins()
    {
        using var dir = new TempDirectory();
        var options = Options.Create(new SettingsStoreOptions { DatabasePath = Path.Combine(dir.Path, "sub", "settings.db") });
        var t = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
        new SettingsStore(options).Put("Router", "MaxForwards", "70", t);
        new SettingsStore(options).Put("router", "maxforwards", "20", t.AddMinutes(1));
        new SettingsStore(options).Put("SystemLog", "SIPC", "Major", t);

        var all = new SettingsStore(options).List();
        var router = new SettingsStore(options).List("ROUTER");

        Assert.Equal([("Router", "MaxForwards", "20"), ("SystemLog", "SIPC", "Major")], all.Select(s => (s.Component, s.Key, s.Value)));
        Assert.Equal(t.AddMinutes(1), Assert.Single(router).Updated);
    }

    [Fact]
    public async Task Stored_settings_are_published_again_at_start()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "settings.db");
        new SettingsStore(Options.Create(new SettingsStoreOptions { DatabasePath = path }))
            .Put("SystemLog", "ROUTER", "AllInfo", DateTimeOffset.UnixEpoch);

        await using var gateway = await GatewayHost.Start(new() { ["AdminGateway:Settings:DatabasePath"] = path });
        var levels = gateway.Services.GetRequiredService<ISystemLogLevels>();
        var applied = await Eventually.True(() => levels.Get("ROUTER") == SystemLogLevel.AllInfo);

        Assert.True(applied, "the stored level was not applied within 10 s of start");
    }

    public sealed class ReceivedSettings
    {
        private readonly ConcurrentQueue<SettingsChanged> _events = new();

        public IReadOnlyList<SettingsChanged> Events => _events.ToArray();

        public void Add(SettingsChanged evt) => _events.Enqueue(evt);
    }

    public sealed class RecordingSettingsChangedConsumer(ReceivedSettings received) : IConsumer<SettingsChanged>
    {
        public Task Consume(ConsumeContext<SettingsChanged> context)
        {
            received.Add(context.Message);
            return Task.CompletedTask;
        }
    }
}
