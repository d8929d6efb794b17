using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Switchboard.MediaProxy.Tests.Relay;

/// <summary>Both engines on real UDP sockets: relaying, latching, and closing sockets while packets flow.</summary>
public sealed class RelayEngineTests : IDisposable
{
    private const int FirstPort = 44000;
    private readonly FakeTimeProvider _time = new();
    private readonly UdpPeer _caller = new();
    private readonly UdpPeer _callee = new();
    private MediaRelay? _relay;

    public void Dispose()
    {
        _relay?.Dispose();
        _caller.Dispose();
        _callee.Dispose();
    }

    private MediaRelay Relay(MediaRelayEngine engine, int threads = 1) =>
        _relay = TestRelay.Create(_time, FirstPort, pairs: 100, o =>
        {
            o.Engine = engine;
            o.RelayThreads = threads;
            o.PortReleaseDelay = TimeSpan.Zero;
        });

    private static (int CallerSendsTo, int CalleeSendsTo) Establish(MediaRelay relay, string callId, UdpPeer caller, UdpPeer callee)
    {
        var offer = relay.Offer(callId, "a", TestSdp.Audio(caller.Port), MediaSide.Wan);
        var answer = relay.Answer(callId, "a", "b", TestSdp.Audio(callee.Port), MediaSide.Lan);
        Assert.Equal((MediaRelayStatus.Relayed, MediaRelayStatus.Relayed), (offer.Status, answer.Status));
        return (TestSdp.Port(answer.Sdp), TestSdp.Port(offer.Sdp));
    }

    [Theory]
    [InlineData(MediaRelayEngine.Async)]
    [InlineData(MediaRelayEngine.Epoll)]
    public async Task Packets_cross_both_ways_in_order_and_are_counted(MediaRelayEngine engine)
    {
        var relay = Relay(engine);
        var (callerSendsTo, calleeSendsTo) = Establish(relay, "engine-1", _caller, _callee);

        for (ushort i = 0; i < 100; i++)
        {
            _caller.SendRtp(i, callerSendsTo);
            _callee.SendRtp((ushort)(1000 + i), calleeSendsTo);
            Assert.Equal(i, await _callee.ReceiveAsync());
            Assert.Equal((ushort)(1000 + i), await _caller.ReceiveAsync());
        }

        Assert.Equal(new MediaCounters(200, 200 * 172, 0), relay.GetSession("engine-1")!.Counters);
        var stream = relay.GetSession("engine-1")!.Streams[0];
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, _caller.Port), stream.CallerPeer);
        Assert.True(stream.CallerLatched && stream.CalleeLatched);
    }

    [Theory]
    [InlineData(MediaRelayEngine.Async)]
    [InlineData(MediaRelayEngine.Epoll)]
    public async Task A_stranger_is_dropped_once_the_leg_is_latched(MediaRelayEngine engine)
    {
        using var stranger = new UdpPeer();
        var relay = Relay(engine);
        var (callerSendsTo, _) = Establish(relay, "engine-2", _caller, _callee);
        _caller.SendRtp(1, callerSendsTo);
        Assert.Equal((ushort)1, await _callee.ReceiveAsync());

        stranger.SendRtp(666, callerSendsTo);
        stranger.SendRtp(667, callerSendsTo);
        _caller.SendRtp(2, callerSendsTo);

        Assert.Equal((ushort)2, await _callee.ReceiveAsync());
        Assert.True(await _callee.StaysSilentAsync());
        Assert.Equal(new MediaCounters(2, 2 * 172, 2), relay.GetSession("engine-2")!.Counters);
    }

    [Theory]
    [InlineData(MediaRelayEngine.Async)]
    [InlineData(MediaRelayEngine.Epoll)]
    public async Task A_new_sdp_resets_the_latch_and_the_partner_sends_to_the_new_peer(MediaRelayEngine engine)
    {
        using var moved = new UdpPeer();
        var relay = Relay(engine);
        var (callerSendsTo, calleeSendsTo) = Establish(relay, "engine-3", _caller, _callee);
        _caller.SendRtp(1, callerSendsTo);
        Assert.Equal((ushort)1, await _callee.ReceiveAsync());

        Assert.Equal(MediaRelayStatus.Relayed, relay.Update("engine-3", "a", TestSdp.Audio(moved.Port, version: 2), MediaSide.Wan).Status);
        _callee.SendRtp(2, calleeSendsTo);
        Assert.Equal((ushort)2, await moved.ReceiveAsync()); // before the moved caller speaks: its SDP address
        moved.SendRtp(3, callerSendsTo);                      // latches the new source
        Assert.Equal((ushort)3, await _callee.ReceiveAsync());
        _caller.SendRtp(4, callerSendsTo);                    // the old source is a stranger now

        Assert.True(await _callee.StaysSilentAsync());
        Assert.True(await _caller.StaysSilentAsync());
    }

    [Theory]
    [InlineData(MediaRelayEngine.Async)]
    [InlineData(MediaRelayEngine.Epoll)]
    public async Task Deleting_while_packets_flow_closes_the_ports_at_once_and_nothing_more_reaches_the_callee(MediaRelayEngine engine)
    {
        var relay = Relay(engine);
        for (var round = 0; round < 5; round++)
        {
            var callId = $"engine-4-{round}";
            var (callerSendsTo, calleeSendsTo) = Establish(relay, callId, _caller, _callee);
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var flood = Task.Run(() => Flood(_caller, callerSendsTo, stop.Token));
            Assert.NotNull(await _callee.ReceiveAsync());

            Assert.True(relay.Delete(callId));

            // The freed ports bind again at once, and the new sockets very likely get the relay's old fd numbers. (The
            // async engine's close may wait for a send in flight on that socket: microseconds, hence a bounded retry.)
            var probes = new[] { callerSendsTo, callerSendsTo + 1, calleeSendsTo, calleeSendsTo + 1 }
                .Select(port => engine == MediaRelayEngine.Async ? BindSoon(port) : Bind(port)).ToArray();
            try
            {
                await DrainAsync(_callee);
                Assert.True(await _callee.StaysSilentAsync());
            }
            finally
            {
                await stop.CancelAsync();
                await flood;
                foreach (var probe in probes)
                    probe.Dispose();
            }
        }

        Assert.Equal(0, relay.Metrics.ActiveStreams);
        Assert.All(EpollLoops(relay), loop => Assert.Equal(0, loop.RegisteredSockets));
    }

    [Fact]
    public async Task Sessions_spread_over_two_loops_and_each_relays_its_own_packets()
    {
        const int Sessions = 16;
        var relay = Relay(MediaRelayEngine.Epoll, threads: 2);
        var phones = Enumerable.Range(0, Sessions).Select(_ => (Caller: new UdpPeer(), Callee: new UdpPeer())).ToArray();
        try
        {
            var ports = phones.Select((p, i) => Establish(relay, $"engine-5-{i}", p.Caller, p.Callee)).ToArray();
            // Registration is a command the loops run asynchronously; round-robin gives each loop half the streams.
            Assert.True(await WaitUntil(() => EpollLoops(relay).All(loop => loop.RegisteredSockets == Sessions / 2 * 4)));

            for (var i = 0; i < Sessions; i++)
            {
                phones[i].Caller.SendRtp((ushort)i, ports[i].CallerSendsTo);
                phones[i].Callee.SendRtp((ushort)(100 + i), ports[i].CalleeSendsTo);
            }
            for (var i = 0; i < Sessions; i++)
            {
                Assert.Equal((ushort)i, await phones[i].Callee.ReceiveAsync());
                Assert.Equal((ushort)(100 + i), await phones[i].Caller.ReceiveAsync());
            }

            // Concurrent deletes from several threads while the loops are running.
            await Task.WhenAll(Enumerable.Range(0, Sessions).Select(i => Task.Run(() => relay.Delete($"engine-5-{i}"))));
            Assert.All(EpollLoops(relay), loop => Assert.Equal(0, loop.RegisteredSockets));
            Assert.Equal(2L * Sessions, relay.Metrics.PacketsRelayed);
        }
        finally
        {
            foreach (var (caller, callee) in phones)
            {
                caller.Dispose();
                callee.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_disposed_relay_stops_its_loops_and_frees_every_port()
    {
        var relay = Relay(MediaRelayEngine.Epoll, threads: 2);
        var (callerSendsTo, calleeSendsTo) = Establish(relay, "engine-6", _caller, _callee);
        _caller.SendRtp(1, callerSendsTo);
        Assert.Equal((ushort)1, await _callee.ReceiveAsync());

        relay.Dispose();

        Bind(callerSendsTo).Dispose();
        Bind(calleeSendsTo).Dispose();
        Assert.All(EpollLoops(relay), loop => Assert.Equal(0, loop.RegisteredSockets));
    }

    private static IEnumerable<Switchboard.MediaProxy.Relay.Epoll.EpollRelayLoop> EpollLoops(MediaRelay relay) =>
        relay.Engine is Switchboard.MediaProxy.Relay.Epoll.EpollRelayEngine epoll ? epoll.Loops : [];

    private static async Task<bool> WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
            await Task.Delay(10);
        return condition();
    }

    private static Socket BindSoon(int port)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return Bind(port);
            }
            catch (SocketException) when (attempt < 100)
            {
                Thread.Sleep(10);
            }
        }
    }

    private static Socket Bind(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        return socket;
    }

    /// <summary>About 16 packets per millisecond until cancelled (bounded by the token's 5 s timeout).</summary>
    private static async Task Flood(UdpPeer peer, int port, CancellationToken stop)
    {
        for (ushort sequence = 0; !stop.IsCancellationRequested; sequence++)
        {
            peer.SendRtp(sequence, port);
            if (sequence % 16 == 0)
                await Task.Delay(1, CancellationToken.None);
        }
    }

    /// <summary>Reads what the relay delivered before it closed (at most a socket buffer's worth).</summary>
    private static async Task DrainAsync(UdpPeer peer)
    {
        for (var i = 0; i < 10_000 && await peer.ReceiveAsync(TimeSpan.FromMilliseconds(100)) is not null; i++)
        {
        }
    }
}
