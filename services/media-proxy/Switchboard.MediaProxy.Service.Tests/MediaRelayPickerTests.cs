using Switchboard.Contracts.Media;
using Switchboard.Hosting.Discovery;
using Switchboard.Protos.Clients;

namespace Switchboard.MediaProxy.Service.Tests;

/// <summary>Two real service instances; the picker spreads calls by Call-ID and keeps each call on its instance.</summary>
public sealed class MediaRelayPickerTests : IAsyncLifetime
{
    private readonly RecordingServiceLocator _locator = new();
    private MediaProxyTestHost _first = null!;
    private MediaProxyTestHost _second = null!;
    private MediaRelayPicker _picker = null!;
    private GrpcMediaRelayControl _control = null!;

    public async Task InitializeAsync()
    {
        _first = await MediaProxyTestHost.Start("mp-one", 31200);
        _second = await MediaProxyTestHost.Start("mp-two", 31300);
        _locator.Set(_first, _second);
        _picker = new MediaRelayPicker(_locator, TestPicker.Options());
        _control = new GrpcMediaRelayControl(_picker);
    }

    public async Task DisposeAsync()
    {
        _picker.Dispose();
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    private Task<MediaControlResult> Offer(string callId) =>
        _control.Offer(new MediaOffer(callId, "a", TestSdp.Audio(40000), MediaNetwork.Wan));

    [Fact]
    public async Task Same_call_id_goes_to_the_same_instance_and_calls_spread_over_both()
    {
        var placed = new Dictionary<string, string>();
        for (var i = 0; i < 16; i++)
            placed[$"spread-{i}"] = (await Offer($"spread-{i}")).InstanceId;

        foreach (var (callId, instance) in placed)
        {
            var answer = await _control.Answer(new MediaAnswer(callId, "a", "b", TestSdp.Audio(40002, "bob"), MediaNetwork.Lan));
            Assert.Equal((MediaControlStatus.Relayed, instance), (answer.Status, answer.InstanceId));
            Assert.Equal(instance, (await Offer(callId)).InstanceId); // a re-offer too
        }

        Assert.Equal(["mp-one", "mp-two"], placed.Values.Distinct().Order());
    }

    [Fact]
    public async Task Removed_instance_gets_no_new_calls_and_a_running_call_stays_put()
    {
        var onFirst = await FindCallPlacedOn("mp-one", "kept");
        _locator.Set(_second);

        for (var i = 0; i < 8; i++)
            Assert.Equal("mp-two", (await Offer($"after-removal-{i}")).InstanceId);

        // Still listed again (it was only out of discovery briefly): the pinned call goes back to its own instance.
        _locator.Set(_first, _second);
        var answer = await _control.Answer(new MediaAnswer(onFirst, "a", "b", TestSdp.Audio(40002, "bob"), MediaNetwork.Lan));
        Assert.Equal((MediaControlStatus.Relayed, "mp-one"), (answer.Status, answer.InstanceId));
    }

    [Fact]
    public async Task Instance_that_stopped_but_is_still_listed_is_skipped_for_new_calls()
    {
        var doomed = await FindCallPlacedOn("mp-one", "doomed");
        await _first.Stop();

        var retried = await Offer("retry-" + doomed);
        Assert.Equal((MediaControlStatus.Relayed, "mp-two"), (retried.Status, retried.InstanceId));
        for (var i = 0; i < 4; i++)
            Assert.Equal("mp-two", (await Offer($"after-stop-{i}")).InstanceId);

        // The call's own instance is gone: its answer has nowhere to go, a clear 503.
        var answer = await _control.Answer(new MediaAnswer(doomed, "a", "b", TestSdp.Audio(40002, "bob"), MediaNetwork.Lan));
        Assert.Equal((MediaControlStatus.Unavailable, 503), (answer.Status, answer.SipStatusCode));
    }

    [Fact]
    public async Task No_instance_is_a_503_result()
    {
        _locator.SetEndpoints();

        var result = await Offer("nowhere");

        Assert.Equal((MediaControlStatus.Unavailable, 503, ""), (result.Status, result.SipStatusCode, result.InstanceId));
    }

    [Fact]
    public async Task Grpc_port_comes_from_meta_when_the_registered_port_is_http()
    {
        _locator.SetEndpoints(new ServiceEndpoint("mp-two", "127.0.0.1", _second.HttpPort,
            new Dictionary<string, string> { ["grpc_port"] = _second.GrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture) }));

        var result = await Offer("via-meta");

        Assert.Equal((MediaControlStatus.Relayed, "mp-two"), (result.Status, result.InstanceId));
    }

    // Call-IDs are hashed: try a bounded number of them until one lands on the wanted instance.
    private async Task<string> FindCallPlacedOn(string instanceId, string prefix)
    {
        for (var i = 0; i < 64; i++)
        {
            var callId = $"{prefix}-{i}";
            var candidates = await _picker.Candidates(callId);
            if (candidates[0].Id != instanceId)
                continue;
            Assert.Equal(instanceId, (await Offer(callId)).InstanceId);
            return callId;
        }

        throw new InvalidOperationException($"no Call-ID of 64 hashed to {instanceId}");
    }
}
