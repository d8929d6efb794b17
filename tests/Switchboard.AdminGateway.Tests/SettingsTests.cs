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

    [Theory]
    [InlineData("/api/settings/Registrar/MinimalRegistration", "120")] // would bind as 120 days
    [InlineData("/api/settings/registrar/maxcontactsperaor", "-1")]
    [InlineData("/api/settings/Registrar/ContactLimitPolicy", "Sometimes")]
    [InlineData("/api/settings/Router/Resolver:", "x")]
    [InlineData("/api/settings/GatewayRegistrar/RefreshFraction", "2")]
    public async Task A_value_a_known_setting_cannot_take_is_a_400(string path, string value)
    {
        await using var gateway = await GatewayHost.Start(new());

        using var response = await gateway.Client.PutAsJsonAsync(path, new SettingValue(value));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await gateway.GetJson<Setting[]>("/api/settings"))!);
    }

    [Fact]
    public async Task A_known_setting_is_stored_in_its_own_spelling_and_an_unknown_one_is_flagged_as_not_applied()
    {
        var received = new ReceivedSettings();
        await using var gateway = await GatewayHost.Start(new(),
            services => services.AddSingleton(received),
            x => x.AddConsumer<RecordingSettingsChangedConsumer>());

        using var known = await gateway.Client.PutAsJsonAsync("/api/settings/registrar/minimalregistration", new SettingValue("00:02:00"));
        using var nested = await gateway.Client.PutAsJsonAsync("/api/settings/Router/Resolver:MainDomain", new SettingValue("example.com"));
        using var unknown = await gateway.Client.PutAsJsonAsync("/api/settings/Registrar/Colour", new SettingValue("blue"));
        var knownAnswer = await known.Content.ReadFromJsonAsync<SettingChange>();
        var unknownAnswer = await unknown.Content.ReadFromJsonAsync<SettingChange>();
        var published = await Eventually.True(() => received.Events.Count == 3);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (nested.StatusCode, unknown.StatusCode));
        Assert.Equal(("Registrar", "MinimalRegistration", true, null), (knownAnswer!.Component, knownAnswer.Key, knownAnswer.AppliedAtRunTime, knownAnswer.Note));
        Assert.False(unknownAnswer!.AppliedAtRunTime);
        Assert.Contains("not applied by any service", unknownAnswer.Note, StringComparison.Ordinal);
        Assert.True(published, "three SettingsChanged were not published within 10 s");
        Assert.Contains(received.Events, e => (e.Component, e.Key, e.Value) == ("Router", "Resolver:MainDomain", "example.com"));
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
