using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Switchboard.MediaProxy.Tests;

/// <summary>Real UDP on 127.0.0.1: two phones talk through the relay.</summary>
public class RelayTrafficTests : IDisposable
{
    private const int Window = 50;
    private const int PacketLength = 172;
    private readonly FakeTimeProvider _time = new();
    private readonly MediaRelay _relay;
    private readonly UdpPeer _caller = new();
    private readonly UdpPeer _callee = new();

    public RelayTrafficTests() : this(42000, null)
    {
    }

    protected RelayTrafficTests(int firstPort, Action<MediaRelayOptions>? configure) =>
        _relay = TestRelay.Create(_time, firstPort, configure: configure);

    protected MediaRelay Relay => _relay;
    protected FakeTimeProvider Time => _time;
    internal UdpPeer Caller => _caller;
    internal UdpPeer Callee => _callee;

    public void Dispose()
    {
        _relay.Dispose();
        _caller.Dispose();
        _callee.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Packets sent back to back through the user-space relay arrive all, once each, in order.</summary>
    protected virtual void AssertBurstDelivered(IEnumerable<ushort> sent, IReadOnlyList<ushort> received) =>
        Assert.Equal(sent, received);

    /// <summary>Offer from the caller, answer from the callee; returns the relay ports each one sends to.</summary>
    protected (int CallerSendsTo, int CalleeSendsTo) Establish(string callId, int callerSdpPort, bool rtcpMux = false)
    {
        var offer = _relay.Offer(callId, "a", TestSdp.Audio(callerSdpPort, rtcpMux: rtcpMux), MediaSide.Wan);
        var answer = _relay.Answer(callId, "a", "b", TestSdp.Audio(_callee.Port, rtcpMux: rtcpMux), MediaSide.Lan);
        Assert.Equal((MediaRelayStatus.Relayed, MediaRelayStatus.Relayed), (offer.Status, answer.Status));
        return (TestSdp.Port(answer.Sdp), TestSdp.Port(offer.Sdp));
    }

    [Fact]
    public async Task Five_hundred_packets_each_way_arrive_intact_and_in_order()
    {
        var (callerSendsTo, calleeSendsTo) = Establish("traffic-1", _caller.Port);
        var atCallee = new List<ushort>();
        var atCaller = new List<ushort>();

        for (var start = 0; start < 500; start += Window)
        {
            for (var i = start; i < start + Window; i++)
            {
                _caller.SendRtp((ushort)i, callerSendsTo);
                _callee.SendRtp((ushort)(10_000 + i), calleeSendsTo);
            }
            for (var i = 0; i < Window; i++)
            {
                atCallee.Add(await _callee.ReceiveAsync() ?? ushort.MaxValue);
                atCaller.Add(await _caller.ReceiveAsync() ?? ushort.MaxValue);
            }
        }

        AssertBurstDelivered(Enumerable.Range(0, 500).Select(i => (ushort)i), atCallee);
        AssertBurstDelivered(Enumerable.Range(10_000, 500).Select(i => (ushort)i), atCaller);
        var session = _relay.GetSession("traffic-1")!;
        Assert.Equal(new MediaCounters(1000, 1000 * PacketLength, 0), session.Counters);
        Assert.Equal(1000, _relay.Metrics.PacketsRelayed);
        Assert.Equal(1000 * PacketLength, _relay.Metrics.BytesRelayed);
    }

    [Fact]
    public async Task Relay_latches_onto_the_real_source_port_instead_of_the_sdp_port()
    {
        using var sdpOnly = new UdpPeer(); // the port the caller's SDP names but never sends from
        var (callerSendsTo, calleeSendsTo) = Establish("traffic-2", sdpOnly.Port);

        _callee.SendRtp(1, calleeSendsTo);
        Assert.Equal((ushort)1, await sdpOnly.ReceiveAsync()); // before latching: the SDP address
        _caller.SendRtp(100, callerSendsTo);
        Assert.Equal((ushort)100, await _callee.ReceiveAsync());
        _callee.SendRtp(2, calleeSendsTo);

        Assert.Equal((ushort)2, await _caller.ReceiveAsync());
        Assert.True(await sdpOnly.StaysSilentAsync());
        var stream = _relay.GetSession("traffic-2")!.Streams[0];
        Assert.True(stream.CallerLatched);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, _caller.Port), stream.CallerPeer);
    }

    [Fact]
    public async Task A_stranger_after_the_latch_is_dropped_and_counted()
    {
        using var stranger = new UdpPeer();
        var (callerSendsTo, _) = Establish("traffic-3", _caller.Port);
        _caller.SendRtp(1, callerSendsTo);
        Assert.Equal((ushort)1, await _callee.ReceiveAsync());

        stranger.SendRtp(9999, callerSendsTo);
        _caller.SendRtp(2, callerSendsTo);

        Assert.Equal((ushort)2, await _callee.ReceiveAsync());
        Assert.Equal(1, _relay.GetSession("traffic-3")!.Counters.Drops);
        Assert.Equal(1, _relay.Metrics.PacketsDropped);
        Assert.True(await _callee.StaysSilentAsync());
    }

    [Fact]
    public async Task Reinvite_moving_the_caller_to_a_new_port_resets_the_latch_and_media_follows()
    {
        using var moved = new UdpPeer();
        var (callerSendsTo, calleeSendsTo) = Establish("traffic-4", _caller.Port);
        _caller.SendRtp(1, callerSendsTo);
        Assert.Equal((ushort)1, await _callee.ReceiveAsync());

        var update = _relay.Update("traffic-4", "a", TestSdp.Audio(moved.Port, version: 2), MediaSide.Wan);
        var answer = _relay.Answer("traffic-4", "a", "b", TestSdp.Audio(_callee.Port, version: 2), MediaSide.Lan);

        Assert.Equal(calleeSendsTo, TestSdp.Port(update.Sdp)); // relay ports stay, only the leg moved
        Assert.Equal(callerSendsTo, TestSdp.Port(answer.Sdp));
        _callee.SendRtp(2, calleeSendsTo);
        Assert.Equal((ushort)2, await moved.ReceiveAsync());
        moved.SendRtp(3, callerSendsTo);
        Assert.Equal((ushort)3, await _callee.ReceiveAsync());
        _caller.SendRtp(4, callerSendsTo); // the old port is now a stranger
        Assert.True(await _callee.StaysSilentAsync());
        Assert.True(await _caller.StaysSilentAsync());
    }

    [Fact]
    public async Task Rtcp_travels_between_the_odd_ports()
    {
        using var callerRtcp = new UdpPeer();
        using var calleeRtcp = new UdpPeer();
        var offer = _relay.Offer("traffic-5", "a", TestSdp.Bytes(
            $"v=0\r\nc=IN IP4 127.0.0.1\r\nm=audio {_caller.Port} RTP/AVP 0\r\na=rtcp:{callerRtcp.Port}\r\n"), MediaSide.Wan);
        var answer = _relay.Answer("traffic-5", "a", "b", TestSdp.Bytes(
            $"v=0\r\nc=IN IP4 127.0.0.1\r\nm=audio {_callee.Port} RTP/AVP 0\r\na=rtcp:{calleeRtcp.Port} IN IP4 127.0.0.1\r\n"),
            MediaSide.Lan);
        var callerRtcpTo = TestSdp.Parse(answer.Sdp).Media[0].RtcpPort!.Value;
        var calleeRtcpTo = TestSdp.Parse(offer.Sdp).Media[0].RtcpPort!.Value;

        callerRtcp.SendRtp(7, callerRtcpTo);
        calleeRtcp.SendRtp(8, calleeRtcpTo);

        Assert.Equal(TestSdp.Port(answer.Sdp) + 1, callerRtcpTo);
        Assert.Equal((ushort)7, await calleeRtcp.ReceiveAsync());
        Assert.Equal((ushort)8, await callerRtcp.ReceiveAsync());
        Assert.True(await _callee.StaysSilentAsync());
    }

    [Fact]
    public async Task Rtcp_mux_relays_on_the_rtp_ports_and_closes_the_rtcp_sockets()
    {
        var (callerSendsTo, calleeSendsTo) = Establish("traffic-6", _caller.Port, rtcpMux: true);

        _caller.SendRtp(5, callerSendsTo);
        _callee.SendRtp(6, calleeSendsTo);

        Assert.Equal((ushort)5, await _callee.ReceiveAsync());
        Assert.Equal((ushort)6, await _caller.ReceiveAsync());
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, callerSendsTo + 1)); // free: the relay closed its RTCP socket
    }

    [Fact]
    public async Task Delete_stops_the_media_and_frees_the_ports()
    {
        var (callerSendsTo, calleeSendsTo) = Establish("traffic-7", _caller.Port);
        _caller.SendRtp(1, callerSendsTo);
        Assert.Equal((ushort)1, await _callee.ReceiveAsync());

        Assert.True(_relay.Delete("traffic-7"));

        _caller.SendRtp(2, callerSendsTo);
        Assert.True(await _callee.StaysSilentAsync());
        foreach (var port in new[] { callerSendsTo, callerSendsTo + 1, calleeSendsTo, calleeSendsTo + 1 })
        {
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
        }
        Assert.Equal(1, _relay.Metrics.PacketsRelayed); // ended sessions stay in the totals
        Assert.Equal(0, _relay.Metrics.ActiveSessions);
    }
}
