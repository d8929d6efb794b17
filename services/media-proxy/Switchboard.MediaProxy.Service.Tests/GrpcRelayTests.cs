using System.Net.Http.Json;
using Switchboard.Contracts.Media;
using Switchboard.Protos.Clients;

namespace Switchboard.MediaProxy.Service.Tests;

/// <summary>Offer/answer through the gRPC client adapter, then real RTP over UDP through the allocated ports.</summary>
public sealed class GrpcRelayTests : IAsyncLifetime
{
    private readonly RecordingServiceLocator _locator = new();
    private readonly UdpPeer _caller = new();
    private readonly UdpPeer _callee = new();
    private MediaProxyTestHost _host = null!;
    private MediaRelayPicker _picker = null!;
    private GrpcMediaRelayControl _control = null!;

    public async Task InitializeAsync()
    {
        _host = await MediaProxyTestHost.Start("mp-grpc", 31000);
        _locator.Set(_host);
        _picker = new MediaRelayPicker(_locator, TestPicker.Options());
        _control = new GrpcMediaRelayControl(_picker);
    }

    public async Task DisposeAsync()
    {
        _picker.Dispose();
        _caller.Dispose();
        _callee.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<(int CallerSendsTo, int CalleeSendsTo)> Establish(string callId)
    {
        var offer = await _control.Offer(new MediaOffer(callId, "from-a", TestSdp.Audio(_caller.Port), MediaNetwork.Lan));
        var answer = await _control.Answer(new MediaAnswer(callId, "from-a", "to-b", TestSdp.Audio(_callee.Port, "bob"), MediaNetwork.Wan));
        Assert.Equal((MediaControlStatus.Relayed, MediaControlStatus.Relayed), (offer.Status, answer.Status));
        Assert.Equal(("mp-grpc", "mp-grpc"), (offer.InstanceId, answer.InstanceId));
        Assert.Equal("127.0.0.1", TestSdp.Connection(offer.Sdp));
        return (TestSdp.AudioPort(answer.Sdp), TestSdp.AudioPort(offer.Sdp));
    }

    [Fact]
    public async Task Rtp_flows_both_ways_through_the_ports_the_rewritten_sdp_names()
    {
        var (callerSendsTo, calleeSendsTo) = await Establish("grpc-call-1");
        Assert.InRange(callerSendsTo, 31000, 31099);
        Assert.InRange(calleeSendsTo, 31000, 31099);

        for (ushort i = 0; i < 20; i++)
        {
            _caller.SendRtp(i, callerSendsTo);
            Assert.Equal(i, await _callee.ReceiveAsync());
            _callee.SendRtp((ushort)(1000 + i), calleeSendsTo);
            Assert.Equal((ushort)(1000 + i), await _caller.ReceiveAsync());
        }

        // The relay counts a packet just after sending it, so the last count can trail the last arrival briefly.
        using var http = new HttpClient { BaseAddress = _host.HttpAddress };
        MediaSessionView[]? sessions = null;
        for (var i = 0; i < 20 && sessions?.FirstOrDefault()?.Packets != 40; i++)
            sessions = await http.GetFromJsonAsync<MediaSessionView[]>("/api/media/sessions");
        var session = Assert.Single(sessions!);
        Assert.Equal(("grpc-call-1", "from-a", "to-b", "mp-grpc"), (session.CallId, session.CallerTag, session.CalleeTag, session.InstanceId));
        Assert.Equal(40, session.Packets);
        Assert.Equal(callerSendsTo, Assert.Single(session.Streams).CallerPort);
    }

    [Fact]
    public async Task Delete_frees_the_ports_and_the_session()
    {
        var (callerSendsTo, _) = await Establish("grpc-call-2");
        _caller.SendRtp(1, callerSendsTo);
        Assert.Equal((ushort)1, await _callee.ReceiveAsync());

        var deleted = await _control.Delete(new MediaDelete("grpc-call-2"));

        Assert.Equal(new MediaDeleteResult(true, "mp-grpc"), deleted);
        Assert.Null(_picker.PinnedInstance("grpc-call-2"));
        _caller.SendRtp(2, callerSendsTo);
        Assert.Null(await _callee.ReceiveAsync(TimeSpan.FromMilliseconds(300)));
        var relay = (IMediaRelay)_host.Services.GetService(typeof(IMediaRelay))!;
        Assert.Equal((0, 0), (relay.Metrics.ActiveSessions, relay.Metrics.PortPairsInUse));
        using var http = new HttpClient { BaseAddress = _host.HttpAddress };
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("/api/media/sessions/grpc-call-2")).StatusCode);
        Assert.False((await _control.Delete(new MediaDelete("grpc-call-2"))).Deleted);
    }

    [Fact]
    public async Task Invalid_sdp_comes_back_as_488_not_as_a_fault()
    {
        var result = await _control.Offer(new MediaOffer("grpc-bad", "a", "this is not SDP"u8.ToArray(), MediaNetwork.Wan));

        Assert.Equal((MediaControlStatus.InvalidSdp, 488, "mp-grpc"), (result.Status, result.SipStatusCode, result.InstanceId));
        Assert.False(string.IsNullOrEmpty(result.Error));
        Assert.True(result.Sdp.IsEmpty);
    }

    [Fact]
    public async Task Answer_for_an_unknown_call_is_481()
    {
        var result = await _control.Answer(new MediaAnswer("grpc-nobody", "a", "b", TestSdp.Audio(_callee.Port), MediaNetwork.Lan));

        Assert.Equal((MediaControlStatus.SessionNotFound, 481), (result.Status, result.SipStatusCode));
    }

    [Fact]
    public async Task Update_re_offer_keeps_the_call_on_its_ports()
    {
        var (callerSendsTo, calleeSendsTo) = await Establish("grpc-call-3");

        var update = await _control.Update(new MediaOffer("grpc-call-3", "to-b", TestSdp.Audio(_callee.Port, "bob"), MediaNetwork.Lan));

        Assert.Equal(MediaControlStatus.Relayed, update.Status);
        Assert.Equal(callerSendsTo, TestSdp.AudioPort(update.Sdp));
        _callee.SendRtp(7, calleeSendsTo);
        Assert.Equal((ushort)7, await _caller.ReceiveAsync());
    }
}
