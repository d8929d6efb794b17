using Switchboard.Contracts.Events;
using Switchboard.GatewayRegistrar.Status;
using Switchboard.GatewayRegistrar.Tests.Support;
using static Switchboard.GatewayRegistrar.Tests.Support.RecordingSipClientRequests;

namespace Switchboard.GatewayRegistrar.Tests.Registration;

public sealed class GatewayRegistrationLoopTests
{
    [Fact]
    public async Task Refreshes_at_80_percent_of_the_shorter_granted_expiry()
    {
        var harness = new LoopHarness();
        harness.Client.MaxExpires = 60;
        var loop = harness.Loop();
        loop.Start();
        Assert.True(await harness.Time.WaitForTimersAsync(1));
        Assert.Equal(2, harness.Client.Requests.Count);

        harness.Time.Advance(TimeSpan.FromSeconds(47));
        Assert.Equal(2, harness.Client.Requests.Count);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await harness.Time.WaitForTimersAsync(2));
        Assert.Equal(3, harness.Client.Requests.Count);
        Assert.Equal("3600", Values(harness.Client.Requests[2], "Expires").Single()); // keeps asking for Register every

        await loop.StopAsync(unregister: false);
    }

    [Fact]
    public async Task Stop_unregisters_a_live_binding_with_expires_zero()
    {
        var harness = new LoopHarness();
        var loop = harness.Loop();
        loop.Start();
        Assert.True(await harness.Time.WaitForTimersAsync(1));

        await loop.StopAsync(unregister: true);

        var last = harness.Client.Requests[^1];
        Assert.Equal(3, harness.Client.Requests.Count);
        Assert.Equal("0", Values(last, "Expires").Single());
        Assert.Equal(GatewayRegistrationState.Unregistered, harness.Board.Get("trunk")!.State);
        Assert.Contains("switchboard_gateway_registered{gateway=\"trunk\"} 0", await harness.MetricsTextAsync());
    }

    [Fact]
    public async Task Stop_does_not_unregister_when_nothing_was_registered()
    {
        var harness = new LoopHarness();
        harness.Client.ThenTimeout();
        var loop = harness.Loop();
        loop.Start();
        Assert.True(await harness.Time.WaitForTimersAsync(1));

        await loop.StopAsync(unregister: true);

        Assert.Single(harness.Client.Requests);
    }

    [Fact]
    public async Task Success_sets_status_metrics_and_publishes_gateway_registered()
    {
        var harness = new LoopHarness();
        harness.Client.MaxExpires = 60;
        var now = harness.Time.GetUtcNow();

        var delay = await harness.Loop().StepAsync(CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(48), delay);
        var status = harness.Board.Get("trunk")!;
        Assert.Equal((GatewayRegistrationState.Registered, 200, "OK"), (status.State, status.LastStatusCode, status.LastReason));
        Assert.Equal(now + TimeSpan.FromSeconds(60), status.Expires);
        Assert.Equal(now + delay, status.NextAttempt);
        Assert.Equal("instance-a", status.Owner);
        var registered = Assert.IsType<GatewayRegistered>(Assert.Single(harness.Events.Events));
        Assert.Equal(new GatewayRegistered("trunk", 200, "OK", now + delay, now), registered);
        var metrics = await harness.MetricsTextAsync();
        Assert.Contains("switchboard_gateway_registered{gateway=\"trunk\"} 1", metrics);
        Assert.Contains("switchboard_gateway_registration_expiry_seconds{gateway=\"trunk\"} 60", metrics);
        Assert.Contains("switchboard_gateway_registration_attempts_total{gateway=\"trunk\"} 1", metrics);
    }

    [Fact]
    public async Task Failures_back_off_and_publish_gateway_registration_failed_then_recover()
    {
        var harness = new LoopHarness(jitter: 0.0);
        harness.Client.ThenTimeout().ThenStatus(503, "Service Unavailable").ThenStatus(500, "Server Error");
        var loop = harness.Loop();

        var delays = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            delays.Add(await loop.StepAsync(CancellationToken.None));
        }

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(2880)], delays);
        var events = harness.Events.Events;
        Assert.Equal([408, 503, 500], events.OfType<GatewayRegistrationFailed>().Select(e => e.Status));
        Assert.IsType<GatewayRegistered>(events[^1]);
        Assert.Equal(GatewayRegistrationState.Registered, harness.Board.Get("trunk")!.State);
        var metrics = await harness.MetricsTextAsync();
        Assert.Contains("switchboard_gateway_registration_failures_total{gateway=\"trunk\"} 3", metrics);
        Assert.Contains("switchboard_gateway_registration_attempts_total{gateway=\"trunk\"} 4", metrics);
    }

    [Fact]
    public async Task A_failed_refresh_keeps_the_binding_until_it_expires()
    {
        var harness = new LoopHarness();
        harness.Client.MaxExpires = 60;
        var loop = harness.Loop();
        await loop.StepAsync(CancellationToken.None);
        harness.Client.ThenTimeout();
        harness.Time.Advance(TimeSpan.FromSeconds(48));

        await loop.StepAsync(CancellationToken.None);

        var status = harness.Board.Get("trunk")!;
        Assert.Equal(GatewayRegistrationState.Failed, status.State);
        Assert.Equal(harness.Time.GetUtcNow() + TimeSpan.FromSeconds(12), status.Expires);
        Assert.Contains("switchboard_gateway_registered{gateway=\"trunk\"} 1", await harness.MetricsTextAsync());
    }
}
