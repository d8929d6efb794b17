using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Registrar.Events;
using Switchboard.Registrar.Registration;
using static Switchboard.Registrar.Tests.RegistrarHarness;

namespace Switchboard.Registrar.Tests;

/// <summary>Registrar options that change while it runs (IOptionsMonitor), and the validation that guards them.</summary>
public sealed class RuntimeOptionsTests
{
    [Fact]
    public void A_changed_minimum_and_maximum_apply_to_the_next_REGISTER()
    {
        var h = new RegistrarHarness();
        var monitor = new SettableOptionsMonitor<RegistrarOptions>(new RegistrarOptions());
        using var registrar = new RegistrationService(h.Store, monitor, h.Time, h.Events);
        Assert.Equal(200, registrar.Register(Request("c1", 1, 90, Contact("sip:alice@a"))).StatusCode);

        monitor.Set(new RegistrarOptions { MinimalRegistration = TimeSpan.FromSeconds(120), MaximumRegistration = TimeSpan.FromSeconds(300) });
        var refused = registrar.Register(Request("c1", 2, 90, Contact("sip:alice@a")));
        var clamped = registrar.Register(Request("c1", 3, 900, Contact("sip:alice@a")));

        Assert.Equal((423, 120L), (refused.StatusCode, refused.MinExpires));
        Assert.Equal(300, Assert.Single(clamped.Contacts).ExpiresSeconds);
    }

    [Fact]
    public async Task A_reloaded_configuration_reaches_the_registrar_built_by_DI()
    {
        var source = new Dictionary<string, string?> { ["Registrar:MinimalRegistration"] = "00:00:30" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(source).Build();
        await using var services = new ServiceCollection()
            .AddSwitchboardRegistrar()
            .Configure<RegistrarOptions>(configuration.GetSection("Registrar"))
            .BuildServiceProvider();
        var registrar = services.GetRequiredService<IRegistrar>();
        Assert.Equal(200, registrar.Register(Request("c1", 1, 45, Contact("sip:alice@a"))).StatusCode);

        configuration["Registrar:MinimalRegistration"] = "00:01:00";
        configuration.Reload();
        var refused = registrar.Register(Request("c1", 2, 45, Contact("sip:alice@a")));

        Assert.Equal((423, 60L), (refused.StatusCode, refused.MinExpires));
    }

    [Fact]
    public void A_changed_sweep_interval_reschedules_the_sweeper()
    {
        var h = new RegistrarHarness();
        var monitor = new SettableOptionsMonitor<RegistrarOptions>(new RegistrarOptions { ExpirySweepInterval = TimeSpan.FromMinutes(10) });
        using var sweeper = new ExpirySweeper(h.Store, monitor, h.Time, h.Events);
        h.Register("c1", 1, 60, Contact("sip:alice@a"));

        monitor.Set(new RegistrarOptions { ExpirySweepInterval = TimeSpan.FromSeconds(1) });
        h.Time.Advance(TimeSpan.FromSeconds(62));

        Assert.Single(h.Events.OfType<ContactExpired>());
    }

    [Theory]
    [InlineData(-1, 3600, 3600, 10, 1)] // negative minimum
    [InlineData(120, 60, 3600, 10, 1)] // maximum below minimum
    [InlineData(60, 3600, 0, 10, 1)] // no default expiry
    [InlineData(60, 3600, 3600, -1, 1)] // negative contact limit
    [InlineData(60, 3600, 3600, 10, 0)] // no sweep interval
    public void Options_no_registrar_can_use_fail_validation(int min, int max, int deflt, int contacts, int sweep)
    {
        var options = new RegistrarOptions
        {
            MinimalRegistration = TimeSpan.FromSeconds(min), MaximumRegistration = TimeSpan.FromSeconds(max),
            DefaultExpires = TimeSpan.FromSeconds(deflt), MaxContactsPerAor = contacts, ExpirySweepInterval = TimeSpan.FromSeconds(sweep),
        };

        Assert.True(new RegistrarOptionsValidator().Validate(Options.DefaultName, options).Failed);
        Assert.True(new RegistrarOptionsValidator().Validate(Options.DefaultName, new RegistrarOptions()).Succeeded);
    }
}
