using Microsoft.Extensions.DependencyInjection;
using Switchboard.Contracts.Registrar;
using Switchboard.Hosting.Settings;
using Switchboard.Protos.Clients;
using Proto = Switchboard.Protos.Registrar;

namespace Switchboard.Registrar.Service.Tests;

/// <summary>Registrar settings changed at run time, as the settings consumer applies a SettingsChanged.</summary>
public sealed class RuntimeSettingsTests
{
    private static readonly StreamingClientOptions Patient = new() { CallTimeout = TimeSpan.FromSeconds(30) };

    private static readonly RegistrationFlow UdpFlow = new("edge-1", "UDP", "127.0.0.1", 5060, "192.0.2.9", 5062);

    [Fact]
    public async Task A_new_MinimalRegistration_refuses_the_next_short_REGISTER_with_423_and_its_Min_Expires()
    {
        await using var host = await RegistrarServiceHost.StartAsync(); // MinimalRegistration 1 s
        using var channel = host.OpenChannel();
        await using var registrar = new GrpcRegistrarService(new Proto.Registrar.RegistrarClient(channel), Patient);
        var settings = host.Services.GetRequiredService<RuntimeSettings>();
        Assert.Equal(200, (await registrar.RegisterAsync(Register("c-1", 1, 90))).StatusCode);

        var outcome = settings.Apply("Registrar", "MinimalRegistration", "00:02:00");
        var refused = await registrar.RegisterAsync(Register("c-1", 2, 90));
        var granted = await registrar.RegisterAsync(Register("c-1", 3, 150));

        Assert.Equal(RuntimeSettingOutcome.Applied, outcome);
        Assert.Equal((423, 120L), (refused.StatusCode, refused.MinExpires));
        Assert.Equal(200, granted.StatusCode);
    }

    [Theory]
    [InlineData("MinimalRegistration", "02:00:00")] // above MaximumRegistration (1 h)
    [InlineData("MinimalRegistration", "two minutes")] // not a duration
    [InlineData("MaxContactsPerAor", "-1")]
    [InlineData("ContactLimitPolicy", "Sometimes")]
    public async Task A_bad_value_is_ignored_and_the_registrar_keeps_working(string key, string value)
    {
        await using var host = await RegistrarServiceHost.StartAsync();
        var registrar = host.Services.GetRequiredService<IRegistrarService>();
        var settings = host.Services.GetRequiredService<RuntimeSettings>();
        Assert.Equal(RuntimeSettingOutcome.Applied, settings.Apply("Registrar", "MinimalRegistration", "00:01:00"));

        var outcome = settings.Apply("Registrar", key, value);
        var brief = await registrar.RegisterAsync(Register("c-2", 1, 30));
        var fine = await registrar.RegisterAsync(Register("c-2", 2, 60));

        Assert.Equal(RuntimeSettingOutcome.Refused, outcome);
        Assert.Equal((423, 60L), (brief.StatusCode, brief.MinExpires));
        Assert.Equal(200, fine.StatusCode);
    }

    [Fact]
    public async Task A_lower_contact_limit_applies_to_the_next_REGISTER()
    {
        await using var host = await RegistrarServiceHost.StartAsync();
        var registrar = host.Services.GetRequiredService<IRegistrarService>();
        var settings = host.Services.GetRequiredService<RuntimeSettings>();

        settings.Apply("Registrar", "ContactLimitPolicy", "Reject");
        settings.Apply("Registrar", "MaxContactsPerAor", "1");
        var first = await registrar.RegisterAsync(Register("c-3", 1, 60, "sip:alice@192.0.2.9:5062"));
        var second = await registrar.RegisterAsync(Register("c-4", 1, 60, "sip:alice@192.0.2.10:5062"));

        Assert.Equal((200, 403), (first.StatusCode, second.StatusCode));
    }

    private static RegisterRequest Register(string callId, long cseq, long expires, string contact = "sip:alice@192.0.2.9:5062") =>
        new("sip:alice@example.com", callId, cseq, expires, [new RegisterContact(contact)], [], [], UdpFlow);
}
