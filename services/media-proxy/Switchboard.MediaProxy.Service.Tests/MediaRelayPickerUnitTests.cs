using Microsoft.Extensions.Time.Testing;
using Switchboard.Hosting.Discovery;
using Switchboard.Protos.Clients;

namespace Switchboard.MediaProxy.Service.Tests;

/// <summary>The picker's bookkeeping with fake time; no server is contacted (channels connect lazily).</summary>
public sealed class MediaRelayPickerUnitTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingServiceLocator _locator = new();
    private readonly MediaRelayPicker _picker;

    public MediaRelayPickerUnitTests()
    {
        _locator.SetEndpoints(Endpoint("mp-a", 1), Endpoint("mp-b", 2));
        _picker = new MediaRelayPicker(_locator, new MediaRelayPickerOptions
        {
            InstanceListDuration = TimeSpan.FromSeconds(2),
            DownDuration = TimeSpan.FromSeconds(10),
            AffinityIdleTimeout = TimeSpan.FromMinutes(30),
        }, _time);
    }

    public void Dispose() => _picker.Dispose();

    private static ServiceEndpoint Endpoint(string id, int n) =>
        new(id, "127.0.0.1", 50_000 + n, new Dictionary<string, string>());

    private async Task<string[]> Order(string callId) => (await _picker.Candidates(callId)).Select(i => i.Id).ToArray();

    [Fact]
    public async Task Marked_down_instance_goes_last_until_its_down_time_passes()
    {
        var before = await Order("call-1");
        var first = (await _picker.Candidates("call-1"))[0];

        _picker.MarkDown(first);
        Assert.Equal(before.Reverse(), await Order("call-1"));

        _time.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(before, await Order("call-1"));
    }

    [Fact]
    public async Task Pin_holds_the_call_when_a_new_instance_would_rank_first()
    {
        // Find a call that a third instance would win, pin it to its current best, then add the third.
        var three = new[] { Endpoint("mp-a", 1), Endpoint("mp-b", 2), Endpoint("mp-c", 3) };
        var callId = Enumerable.Range(0, 100).Select(i => $"pin-{i}")
            .First(c => RendezvousHash.Order(c, three, e => e.Id)[0].Id == "mp-c");
        var original = (await _picker.Candidates(callId))[0];
        _picker.Pin(callId, original);

        _locator.SetEndpoints(three);
        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(original.Id, (await Order(callId))[0]);
        Assert.Equal(original.Id, (await _picker.ForCall(callId))!.Id);
        _picker.Forget(callId);
        Assert.Equal("mp-c", (await Order(callId))[0]);
    }

    [Fact]
    public async Task Instance_list_is_reused_for_its_duration()
    {
        await Order("a");
        await Order("b");
        Assert.Single(_locator.Lookups);

        _time.Advance(TimeSpan.FromSeconds(3));
        await Order("c");
        Assert.Equal(["media-proxy", "media-proxy"], _locator.Lookups);
    }

    [Fact]
    public async Task Discovery_outage_keeps_the_last_known_instances()
    {
        var before = await Order("call-2");
        _locator.Failure = new HttpRequestException("consul down");
        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(before, await Order("call-2"));
    }

    [Fact]
    public async Task Idle_pins_are_pruned()
    {
        var instance = (await _picker.Candidates("old-call"))[0];
        _picker.Pin("old-call", instance);

        _time.Advance(TimeSpan.FromMinutes(31));
        _picker.Pin("new-call", instance); // pinning runs the (at most once a minute) prune

        Assert.Null(_picker.PinnedInstance("old-call"));
        Assert.Equal(instance.Id, _picker.PinnedInstance("new-call"));
    }

    [Fact]
    public async Task Grpc_port_meta_that_is_not_a_port_leaves_only_that_instance_out()
    {
        _locator.SetEndpoints(Endpoint("mp-a", 1),
            new ServiceEndpoint("mp-x", "127.0.0.1", 9105, new Dictionary<string, string> { ["grpc_port"] = "http" }),
            new ServiceEndpoint("mp-y", "127.0.0.1", 9105, new Dictionary<string, string> { ["grpc_port"] = "9205" }));

        var candidates = await _picker.Candidates("call-3");

        Assert.Equal(["mp-a", "mp-y"], candidates.Select(i => i.Id).Order());
        Assert.Equal(9205, candidates.Single(i => i.Id == "mp-y").Address.Port);
    }
}
