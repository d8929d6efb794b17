using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.Contracts.Sip;

namespace Switchboard.EdgeTransport.Tests;

public sealed class UdpEdgeTests
{
    [Fact]
    public async Task Datagram_is_delivered_with_its_flow()
    {
        await using var edge = new EdgeFixture();
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var message = SipSamples.Options();
        await client.SendAsync(message, edge.Udp);

        var (bytes, flow) = edge.Sink.Next();
        var port = ((IPEndPoint)client.Client.LocalEndPoint!).Port;
        // RFC 3581: rport asked, so the edge fills it and adds received.
        Assert.Equal(Encoding.ASCII.GetString(message).Replace(";rport;branch=z9hG4bK-1", $";rport={port};branch=z9hG4bK-1;received=127.0.0.1"),
            Encoding.ASCII.GetString(bytes));
        Assert.Equal(SipTransport.Udp, flow.Transport);
        Assert.Equal("edge-test", flow.EdgeId);
        Assert.Equal(client.Client.LocalEndPoint, flow.Remote);
        Assert.Equal(edge.Udp, flow.Local);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Both_receiver_kinds_deliver_and_answer(bool threads)
    {
        await using var edge = new EdgeFixture(o => o.UdpReceiveThreads = threads);
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var bad = Encoding.ASCII.GetString(SipSamples.Options("z9hG4bK-kind")).Replace("Content-Length: 0", "Content-Length: 9999");
        await client.SendAsync(Encoding.ASCII.GetBytes(bad), edge.Udp);
        Assert.StartsWith("SIP/2.0 400 ", await ReceiveAsync(client));

        await client.SendAsync(SipSamples.Options("z9hG4bK-kind2"), edge.Udp);
        var (bytes, _) = edge.Sink.Next();
        Assert.Contains("z9hG4bK-kind2", Encoding.ASCII.GetString(bytes));
    }

    [Fact]
    public async Task Blocking_receivers_stop_when_the_edge_is_disposed()
    {
        var edge = new EdgeFixture(o => { o.UdpReceiveThreads = true; o.UdpReceiveLoops = 2; });
        var port = edge.Udp;
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await edge.DisposeAsync();
        // Each receiver gets 2 s to leave recvfrom; a receiver that never woke would show as 4 s here.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1.5), $"dispose took {stopwatch.Elapsed}");

        // The port is free again: a new socket binds it.
        using var rebound = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        rebound.Bind(port);
    }

    [Fact]
    public async Task Unparsable_request_with_enough_headers_gets_the_parser_status_and_listener_keeps_serving()
    {
        await using var edge = new EdgeFixture();
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        // Content-Length larger than the datagram: RFC 4475 clerr, a 400 over UDP.
        var bad = Encoding.ASCII.GetString(SipSamples.Options("z9hG4bK-bad")).Replace("Content-Length: 0", "Content-Length: 9999");
        await client.SendAsync(Encoding.ASCII.GetBytes(bad), edge.Udp);

        var answer = await ReceiveAsync(client);
        Assert.StartsWith("SIP/2.0 400 ", answer);
        Assert.Contains("branch=z9hG4bK-bad", answer);
        Assert.Contains("CSeq: 1 OPTIONS", answer);

        await client.SendAsync(SipSamples.Options("z9hG4bK-good"), edge.Udp);
        var (bytes, _) = edge.Sink.Next();
        Assert.Contains("z9hG4bK-good", Encoding.ASCII.GetString(bytes));
    }

    [Fact]
    public async Task Garbage_and_keepalives_are_dropped_silently()
    {
        await using var edge = new EdgeFixture();
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await client.SendAsync("\r\n\r\n"u8.ToArray(), edge.Udp);
        await client.SendAsync(new byte[] { 0, 1, 2, 3, 255, 13, 10 }, edge.Udp);
        await client.SendAsync("SIP/2.0 200 OK\r\nbroken\r\n\r\n"u8.ToArray(), edge.Udp);

        Assert.False(edge.Sink.TryNext(300, out _));
        using var wait = new CancellationTokenSource(300);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await client.ReceiveAsync(wait.Token));
    }

    [Fact]
    public async Task Send_on_udp_flow_reaches_the_peer()
    {
        await using var edge = new EdgeFixture();
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await client.SendAsync(SipSamples.Options(), edge.Udp);
        var (_, flow) = edge.Sink.Next();

        var result = await edge.Edge.SendAsync("SIP/2.0 200 OK\r\n\r\n"u8.ToArray(), SendTarget.ToFlow(flow));
        Assert.True(result.Succeeded);
        Assert.Equal("SIP/2.0 200 OK\r\n\r\n", await ReceiveAsync(client));
    }

    internal static async Task<string> ReceiveAsync(UdpClient client, int timeoutMs = 5000)
    {
        using var timeout = new CancellationTokenSource(timeoutMs);
        var result = await client.ReceiveAsync(timeout.Token);
        return Encoding.UTF8.GetString(result.Buffer);
    }
}
