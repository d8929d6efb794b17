using Switchboard.Contracts;
using Switchboard.Contracts.Events;
using Switchboard.Contracts.Logging;
using Switchboard.AdminGateway.SystemLog;
using Switchboard.Hosting.Logging;
using Switchboard.Hosting.Settings;

namespace Switchboard.AdminGateway.Settings;

public static class SettingsEndpoints
{
    public const string SettingsPath = "/api/settings";

    /// <summary>
    /// <c>GET /api/settings[?component=SystemLog]</c>; <c>PUT /api/settings/{component}/{key}</c> with
    /// <c>{"value":"LowLevel"}</c> stores the setting and publishes <see cref="SettingsChanged"/>;
    /// <c>GET /api/settings/known</c> lists the settings services apply at run time.
    /// </summary>
    public static IEndpointRouteBuilder MapSettingsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(SettingsPath, (SettingsStore store, string? component) =>
            Results.Ok(store.List(string.IsNullOrWhiteSpace(component) ? null : component)));
        app.MapGet(SettingsPath + "/log-levels", LogLevels);
        app.MapGet(SettingsPath + "/known", () => Results.Ok(KnownSettings.All));
        app.MapPut(SettingsPath + "/{component}/{key}", Put);
        return app;
    }

    // Stored levels win; a tag never set shows the level this process runs it at (the configured default).
    private static LogLevelsView LogLevels(SettingsStore store, ISystemLogLevels levels)
    {
        var stored = store.List(SettingsChangedConsumer.Component)
            .ToDictionary(s => s.Key, s => s.Value, StringComparer.OrdinalIgnoreCase);
        var tags = SystemLogTag.All.Union(stored.Keys, StringComparer.OrdinalIgnoreCase).ToArray();
        var current = tags.ToDictionary(t => t, t => stored.TryGetValue(t, out var v) ? v : levels.Get(t).ToString(),
            StringComparer.OrdinalIgnoreCase);
        return new LogLevelsView(tags, SystemLogLevelNames.All, current);
    }

    private static async Task<IResult> Put(string component, string key, SettingValue? body,
        SettingsStore store, IEventPublisher publisher, TimeProvider time)
    {
        var value = body?.Value?.Trim();
        if (SettingValidator.Check(component, key, value) is { } problem)
        {
            return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        // One spelling on the bus and in the store, whatever case the caller used.
        var known = KnownSettings.Find(component, key);
        if (string.Equals(component, SettingsChangedConsumer.Component, StringComparison.OrdinalIgnoreCase))
        {
            component = SettingsChangedConsumer.Component;
            key = key.ToUpperInvariant();
            value = SystemLogLevelNames.TryParse(value, out var level) ? level.ToString() : value;
        }
        else if (known is not null)
        {
            (component, key) = (known.Component, known.Key);
        }

        var setting = store.Put(component, key, value!, time.GetUtcNow());
        await publisher.Publish(new SettingsChanged(setting.Component, setting.Key, setting.Value, setting.Updated));
        var applied = known is not null || setting.Component == SettingsChangedConsumer.Component;
        return Results.Ok(new SettingChange(setting.Component, setting.Key, setting.Value, setting.Updated, applied,
            applied ? null : "stored and published, but not applied by any service at run time (a start-time setting, or unknown)"));
    }
}
