using Switchboard.GatewayRegistrar.Status;
using Switchboard.GatewayRegistrar.Tests.Support;
using static Switchboard.GatewayRegistrar.Tests.Support.RecordingSipClientRequests;

namespace Switchboard.GatewayRegistrar.Tests.Registration;

public sealed class GatewayRegistrarSupervisorTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly TimerCountingTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Two_instances_sharing_the_file_run_one_loop_and_hand_over_on_stop()
    {
        var a = new SupervisorInstance("a", _db.Database, _time);
        var b = new SupervisorInstance("b", _db.OpenAgain(), _time);
        await a.Store.AddAsync(LoopHarness.Trunk());

        await a.Supervisor.TickAsync();
        await b.Supervisor.TickAsync();
        Assert.True(await a.Client.WaitForAsync(2, TimeSpan.FromSeconds(5)));
        for (var i = 0; i < 3; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            await a.Supervisor.TickAsync();
            await b.Supervisor.TickAsync();
        }

        Assert.Equal(["trunk"], a.Supervisor.ActiveGateways);
        Assert.Empty(b.Supervisor.ActiveGateways);
        Assert.Empty(b.Client.Requests);
        Assert.Equal((GatewayRegistrationState.StandBy, "a"), (b.Board.Get("trunk")!.State, b.Board.Get("trunk")!.Owner));

        await a.Supervisor.StopAsync(CancellationToken.None);
        Assert.Equal("0", Values(a.Client.Requests[^1], "Expires").Single());
        Assert.Null(a.Leases.Get("trunk"));

        await b.Supervisor.TickAsync();
        Assert.Equal(["trunk"], b.Supervisor.ActiveGateways);
        Assert.True(await b.Client.WaitForAsync(2, TimeSpan.FromSeconds(5)));
        await b.Supervisor.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over_and_the_old_holder_stops_without_unregistering()
    {
        var a = new SupervisorInstance("a", _db.Database, _time);
        var b = new SupervisorInstance("b", _db.OpenAgain(), _time);
        await a.Store.AddAsync(LoopHarness.Trunk());
        await a.Supervisor.TickAsync();
        Assert.True(await a.Client.WaitForAsync(2, TimeSpan.FromSeconds(5)));

        _time.Advance(TimeSpan.FromSeconds(29)); // a "hangs": no renewal
        await b.Supervisor.TickAsync();
        Assert.Empty(b.Supervisor.ActiveGateways);
        _time.Advance(TimeSpan.FromSeconds(1));
        await b.Supervisor.TickAsync();
        Assert.Equal(["trunk"], b.Supervisor.ActiveGateways);

        var sentByA = a.Client.Requests.Count;
        await a.Supervisor.TickAsync();
        Assert.Empty(a.Supervisor.ActiveGateways);
        Assert.Equal(sentByA, a.Client.Requests.Count);
        Assert.Equal("b", a.Board.Get("trunk")!.Owner);
        Assert.Equal(("b", _time.GetUtcNow() + TimeSpan.FromSeconds(30)), a.Leases.Get("trunk"));
        await b.Supervisor.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Disabling_unregisters_and_releases_and_removal_clears_the_status()
    {
        var a = new SupervisorInstance("a", _db.Database, _time);
        await a.Store.AddAsync(LoopHarness.Trunk());
        await a.Supervisor.TickAsync();
        Assert.True(await _time.WaitForTimersAsync(1));

        await a.Store.UpdateAsync(LoopHarness.Trunk() with { Enabled = false });
        await a.Supervisor.TickAsync();

        Assert.Empty(a.Supervisor.ActiveGateways);
        Assert.Equal("0", Values(a.Client.Requests[^1], "Expires").Single());
        Assert.Null(a.Leases.Get("trunk"));
        Assert.Equal(GatewayRegistrationState.Unregistered, a.Board.Get("trunk")!.State);

        await a.Store.RemoveAsync("trunk");
        await a.Supervisor.TickAsync();
        Assert.Null(a.Board.Get("trunk"));
    }

    [Fact]
    public async Task Changed_settings_restart_the_loop_towards_the_new_domain()
    {
        var a = new SupervisorInstance("a", _db.Database, _time);
        await a.Store.AddAsync(LoopHarness.Trunk());
        await a.Supervisor.TickAsync();
        Assert.True(await _time.WaitForTimersAsync(1));

        await a.Store.UpdateAsync(LoopHarness.Trunk(domain: "127.0.0.2:5091"));
        await a.Supervisor.TickAsync();
        Assert.True(await a.Client.WaitForAsync(5, TimeSpan.FromSeconds(5)));

        var requests = a.Client.Requests;
        Assert.Equal(("127.0.0.1", "0"), (requests[2].Destination.Host, Values(requests[2], "Expires").Single()));
        Assert.Equal("127.0.0.2", requests[3].Destination.Host);
        Assert.Equal("sip:127.0.0.2:5091", requests[4].RequestUri);
        Assert.Equal("<sip:trunk@198.51.100.7>", Values(requests[4], "Contact").Single());
        await a.Supervisor.StopAsync(CancellationToken.None);
    }
}
