using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.Contracts.Sip;

namespace Switchboard.EdgeTransport.Tests;

/// <summary>The manual's transport limits: Input Channels, Idle Timeout, UDP Request Size Limit (LAN/WAN).</summary>
public sealed class TransportLimitTests
{
    [Fact]
    public async Task Connections_beyond_input_channels_are_refused()
    {
        await using var edge = new EdgeFixture(o => o.TcpInputChannels = 1);
        using var first = new TcpClient();
        await first.ConnectAsync(edge.Tcp);
        await first.GetStream().WriteAsync(SipSamples.Options());
        edge.Sink.Next();

        using var second = new TcpClient();
        try
        {
            await second.ConnectAsync(edge.Tcp);
            Assert.Equal(0, await TcpEdgeTests.ReadToEndAsync(second.GetStream()));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            // The refusal (an immediate close) raced the end of the handshake.
        }
        await WaitUntil(() => edge.Edge.RefusedConnections == 1);

        // The first connection still works.
        await first.GetStream().WriteAsync(SipSamples.Options("z9hG4bK-again"));
        Assert.Contains("z9hG4bK-again", Encoding.ASCII.GetString(edge.Sink.Next().Bytes));
    }

    [Fact]
    public async Task Idle_connection_is_closed_after_idle_timeout()
    {
        await using var edge = new EdgeFixture(o => o.TcpIdleTimeout = TimeSpan.FromMilliseconds(300));
        using var client = new TcpClient();
        await client.ConnectAsync(edge.Tcp);
        var started = DateTime.UtcNow;
        Assert.Equal(0, await TcpEdgeTests.ReadToEndAsync(client.GetStream()));
        var elapsed = DateTime.UtcNow - started;
        Assert.InRange(elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(4));
        Assert.Equal(SipTransport.Tcp, edge.Sink.NextClosed().Transport);
    }

    [Fact]
    public async Task Large_request_to_a_wan_destination_goes_over_tcp_small_one_over_udp()
    {
        // Loopback counts as WAN here, so the WAN limit (RFC 3261 §18.1.1: 1300 bytes) applies.
        await using var edge = new EdgeFixture(o => o.LanAddresses = ["10.0.0.0/8"]);
        var port = FreePort();
        await using var peer = new EdgeFixture(o => { o.Udp = [$"127.0.0.1:{port}"]; o.Tcp = [$"127.0.0.1:{port}"]; });
        var destination = new IPEndPoint(IPAddress.Loopback, port);

        var small = SipSamples.Options("z9hG4bK-small", via: "SIP/2.0/UDP 127.0.0.1:5099");
        var result = await edge.Edge.SendAsync(small, SendTarget.ToAddress(destination));
        Assert.True(result.Succeeded);
        Assert.Equal(SipTransport.Udp, peer.Sink.Next().Flow.Transport);

        var large = SipSamples.Options("z9hG4bK-large", extraBodyBytes: 1400, via: "SIP/2.0/UDP 127.0.0.1:5099");
        Assert.True(large.Length > 1300);
        result = await edge.Edge.SendAsync(large, SendTarget.ToAddress(destination));
        Assert.True(result.Succeeded);
        Assert.Equal(SipTransport.Tcp, result.Flow!.Value.Transport);
        var (bytes, flow) = peer.Sink.Next();
        Assert.Equal(SipTransport.Tcp, flow.Transport);
        Assert.Equal(large, bytes);
    }

    [Fact]
    public async Task Large_request_to_a_lan_destination_stays_on_udp_up_to_the_lan_limit()
    {
        await using var edge = new EdgeFixture(o => o.UdpRequestSizeLimitLan = 4096);
        await using var peer = new EdgeFixture();
        var large = SipSamples.Options("z9hG4bK-lan", extraBodyBytes: 2000, via: "SIP/2.0/UDP 127.0.0.1:5099");
        var result = await edge.Edge.SendAsync(large, SendTarget.ToAddress(peer.Udp));
        Assert.True(result.Succeeded);
        Assert.Equal(SipTransport.Udp, result.Flow!.Value.Transport);
        Assert.Equal(large, peer.Sink.Next().Bytes);
    }

    [Fact]
    public void Lan_ranges_default_to_private_networks()
    {
        var lan = LanRanges.FromOptions(new EdgeTransportOptions());
        Assert.True(lan.IsLan(IPAddress.Parse("192.168.1.20")));
        Assert.True(lan.IsLan(IPAddress.Parse("10.1.2.3")));
        Assert.True(lan.IsLan(IPAddress.Parse("172.31.255.1")));
        Assert.True(lan.IsLan(IPAddress.Parse("fd00::1")));
        Assert.True(lan.IsLan(IPAddress.Parse("::ffff:192.168.0.1")));
        Assert.False(lan.IsLan(IPAddress.Parse("172.32.0.1")));
        Assert.False(lan.IsLan(IPAddress.Parse("8.8.8.8")));
        Assert.False(lan.IsLan(IPAddress.Parse("2001:db8::1")));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }
        Assert.True(condition());
    }

    /// <summary>A port free for both UDP and TCP on loopback (checked by binding both).</summary>
    internal static int FreePort()
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)tcp.LocalEndPoint!).Port;
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
            }
        }
        throw new InvalidOperationException("No free port found.");
    }
}
