using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Hosting.Settings;

namespace Switchboard.Hosting.Tests;

public sealed class RuntimeSettingsTests
{
    [Fact]
    public void An_applied_setting_reaches_IOptionsMonitor_and_OnChange_and_wins_over_earlier_layers()
    {
        using var host = Build(new() { ["Sample:Limit"] = "5" });
        var monitor = host.Services.GetRequiredService<IOptionsMonitor<SampleOptions>>();
        var seen = new List<int>();
        using var _ = monitor.OnChange(o => seen.Add(o.Limit));
        Assert.Equal(5, monitor.CurrentValue.Limit);

        var outcome = host.Services.GetRequiredService<RuntimeSettings>().Apply("Sample", "Limit", "42");

        Assert.Equal(RuntimeSettingOutcome.Applied, outcome);
        Assert.Equal(42, monitor.CurrentValue.Limit);
        Assert.Equal("42", host.Services.GetRequiredService<IConfiguration>()["sample:limit"]);
        Assert.Equal([42], seen);
    }

    [Fact]
    public void A_nested_key_maps_to_the_nested_configuration_path()
    {
        using var host = Build(new());
        var monitor = host.Services.GetRequiredService<IOptionsMonitor<SampleOptions>>();

        var outcome = host.Services.GetRequiredService<RuntimeSettings>().Apply("Sample", "Inner:Name", "deep");

        Assert.Equal(RuntimeSettingOutcome.Applied, outcome);
        Assert.Equal("deep", monitor.CurrentValue.Inner.Name);
    }

    [Theory]
    [InlineData("0")] // fails validation
    [InlineData("lots")] // the binder cannot convert it
    public void A_value_that_breaks_the_options_is_refused_the_old_value_stays_and_a_warning_is_logged(string value)
    {
        using var host = Build(new() { ["Sample:Limit"] = "5" });
        var monitor = host.Services.GetRequiredService<IOptionsMonitor<SampleOptions>>();
        var changes = 0;
        using var _ = monitor.OnChange(_ => changes++);

        var outcome = host.Services.GetRequiredService<RuntimeSettings>().Apply("Sample", "Limit", value);

        Assert.Equal(RuntimeSettingOutcome.Refused, outcome);
        Assert.Equal(5, monitor.CurrentValue.Limit);
        Assert.Equal("5", host.Services.GetRequiredService<IConfiguration>()["Sample:Limit"]);
        Assert.Equal(0, changes);
        var warning = Assert.Single(Records(host), r => r.Level == LogLevel.Warning);
        Assert.Contains("Sample:Limit", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_no_service_registered_is_not_applied()
    {
        using var host = Build(new() { ["Kestrel:Limits:MaxRequestBodySize"] = "100" });
        var settings = host.Services.GetRequiredService<RuntimeSettings>();

        Assert.Equal(RuntimeSettingOutcome.NotApplicable, settings.Apply("Kestrel", "Limits:MaxRequestBodySize", "1"));
        Assert.Equal("100", host.Services.GetRequiredService<IConfiguration>()["Kestrel:Limits:MaxRequestBodySize"]);
    }

    [Theory]
    [InlineData("Sample", "Limit:", "7")]
    [InlineData("Sam ple", "Limit", "7")]
    [InlineData("Sample", "", "7")]
    public void Malformed_names_are_refused(string component, string key, string value)
    {
        using var host = Build(new());

        Assert.Equal(RuntimeSettingOutcome.Refused, host.Services.GetRequiredService<RuntimeSettings>().Apply(component, key, value));
    }

    [Fact]
    public void The_layer_is_bounded_in_keys_and_value_length()
    {
        using var host = Build(new() { ["RuntimeSettings:MaxKeys"] = "2", ["RuntimeSettings:MaxValueLength"] = "8" });
        var settings = host.Services.GetRequiredService<RuntimeSettings>();

        Assert.Equal(RuntimeSettingOutcome.Refused, settings.Apply("Sample", "Inner:Name", new string('x', 9)));
        Assert.Equal(RuntimeSettingOutcome.Applied, settings.Apply("Sample", "Limit", "6"));
        Assert.Equal(RuntimeSettingOutcome.Applied, settings.Apply("Sample", "Inner:Name", "a"));
        Assert.Equal(RuntimeSettingOutcome.Refused, settings.Apply("Sample", "Extra", "b"));
        Assert.Equal(RuntimeSettingOutcome.Applied, settings.Apply("Sample", "Limit", "7")); // an existing key may change
        Assert.Equal(RuntimeSettingOutcome.Unchanged, settings.Apply("Sample", "Limit", "7"));
        Assert.Equal(7, host.Services.GetRequiredService<IOptionsMonitor<SampleOptions>>().CurrentValue.Limit);
    }

    [Fact]
    public void A_trial_value_is_invisible_to_other_threads_while_it_is_checked()
    {
        var peek = new PeekingCheck();
        using var host = Build(new() { ["Sample:Limit"] = "5" }, services => services.AddSingleton<IRuntimeOptionsCheck>(peek));
        peek.Configuration = host.Services.GetRequiredService<IConfiguration>();

        host.Services.GetRequiredService<RuntimeSettings>().Apply("Sample", "Limit", "9");

        Assert.Equal(("9", "5"), (peek.SeenHere, peek.SeenElsewhere));
    }

    [Fact]
    public void Defaults_add_the_layer_once_and_last()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddSwitchboardDefaults();
        builder.AddRuntimeSettings();

        Assert.IsType<RuntimeSettingsSource>(builder.Configuration.Sources[^1]);
        Assert.Single(builder.Configuration.Sources.OfType<RuntimeSettingsSource>());
    }

    private static IHost Build(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddProvider(new RecordingLoggerProvider());
        builder.AddRuntimeSettings();
        builder.Services.AddOptions<SampleOptions>().Bind(builder.Configuration.GetSection("Sample"))
            .Validate(o => o.Limit > 0, "Sample:Limit must be positive");
        builder.Services.AddRuntimeOptions<SampleOptions>("Sample");
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    private static IReadOnlyList<(string Category, LogLevel Level, string Message)> Records(IHost host) =>
        host.Services.GetServices<ILoggerProvider>().OfType<RecordingLoggerProvider>().Single().Records
            .Where(r => r.Category.StartsWith("Switchboard.", StringComparison.Ordinal)).ToArray();

    public sealed class SampleOptions
    {
        public int Limit { get; set; } = 1;

        public InnerOptions Inner { get; set; } = new();
    }

    public sealed class InnerOptions
    {
        public string Name { get; set; } = "";
    }

    /// <summary>Reads the key on the checking thread and on another one while the trial is on.</summary>
    private sealed class PeekingCheck : IRuntimeOptionsCheck
    {
        public IConfiguration? Configuration { get; set; }

        public string? SeenHere { get; private set; }

        public string? SeenElsewhere { get; private set; }

        public string Section => "Sample";

        public string? Check()
        {
            SeenHere = Configuration!["Sample:Limit"];
            var other = new Thread(() => SeenElsewhere = Configuration!["Sample:Limit"]) { IsBackground = true };
            other.UnsafeStart(); // an unrelated thread: no execution context (and no trial) flows to it
            other.Join(TimeSpan.FromSeconds(10));
            return null;
        }
    }
}
