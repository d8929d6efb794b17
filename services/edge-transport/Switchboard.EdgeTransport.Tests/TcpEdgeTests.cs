using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.Contracts.Sip;

namespace Switchboard.EdgeTransport.Tests;

public sealed class TcpEdgeTests
{
    [Fact]
    public async Task Split_and_coalesced_messages_are_framed()
    {
        await using var edge = new EdgeFixture();
        using var client = new TcpClient();
        await client.ConnectAsync(edge.Tcp);
        var stream = client.GetStream();
        var first = SipSamples.Options("z9hG4bK-a", extraBodyBytes: 10, via: "SIP/2.0/TCP 127.0.0.1:5099");
        await stream.WriteAsync(first.AsMemory(0, 50));
        await stream.FlushAsync();
        await Task.Delay(50);
        var both = first.AsSpan(50).ToArray().Concat(SipSamples.Options("z9hG4bK-b")).ToArray();
        await stream.WriteAsync(both);

        var (a, flowA) = edge.Sink.Next();
        var (b, flowB) = edge.Sink.Next();
        Assert.Equal(Encoding.ASCII.GetString(first).Replace("branch=z9hG4bK-a", "branch=z9hG4bK-a"), Encoding.ASCII.GetString(a));
        Assert.Contains("z9hG4bK-b", Encoding.ASCII.GetString(b));
        Assert.Equal(SipTransport.Tcp, flowA.Transport);
        Assert.Equal(flowA.ConnectionId, flowB.ConnectionId);
        Assert.NotEqual(SipFlow.NoConnection, flowA.ConnectionId);
    }

    [Fact]
    public async Task Double_crlf_ping_gets_single_crlf_pong()
    {
        await using var edge = new EdgeFixture();
        using var client = new TcpClient();
        await client.ConnectAsync(edge.Tcp);
        var stream = client.GetStream();
        await stream.WriteAsync("\r\n\r\n"u8.ToArray());

        var buffer = new byte[16];
        using var timeout = new CancellationTokenSource(5000);
        var read = await stream.ReadAsync(buffer, timeout.Token);
        Assert.Equal("\r\n", Encoding.ASCII.GetString(buffer, 0, read));
    }

    [Fact]
    public async Task Framing_error_closes_only_that_connection()
    {
        await using var edge = new EdgeFixture();
        using var bad = new TcpClient();
        using var good = new TcpClient();
        await bad.ConnectAsync(edge.Tcp);
        await good.ConnectAsync(edge.Tcp);
        var text = Encoding.ASCII.GetString(SipSamples.Options()).Replace("Content-Length: 0", "Content-Length: -999");
        await bad.GetStream().WriteAsync(Encoding.ASCII.GetBytes(text));

        Assert.Equal(0, await ReadToEndAsync(bad.GetStream()));
        await good.GetStream().WriteAsync(SipSamples.Options("z9hG4bK-still"));
        Assert.Contains("z9hG4bK-still", Encoding.ASCII.GetString(edge.Sink.Next().Bytes));
    }

    [Fact]
    public async Task Reply_on_the_flow_goes_over_the_same_connection()
    {
        await using var edge = new EdgeFixture();
        using var client = new TcpClient();
        await client.ConnectAsync(edge.Tcp);
        await client.GetStream().WriteAsync(SipSamples.Options());
        var (_, flow) = edge.Sink.Next();

        var result = await edge.Edge.SendAsync("SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n"u8.ToArray(), SendTarget.ToFlow(flow));
        Assert.True(result.Succeeded);
        var buffer = new byte[256];
        using var timeout = new CancellationTokenSource(5000);
        var read = await client.GetStream().ReadAsync(buffer, timeout.Token);
        Assert.StartsWith("SIP/2.0 200 OK", Encoding.ASCII.GetString(buffer, 0, read));
    }

    [Fact]
    public async Task Send_on_a_closed_flow_says_so()
    {
        await using var edge = new EdgeFixture();
        var client = new TcpClient();
        await client.ConnectAsync(edge.Tcp);
        await client.GetStream().WriteAsync(SipSamples.Options());
        var (_, flow) = edge.Sink.Next();
        client.Dispose();
        edge.Sink.NextClosed();

        var result = await edge.Edge.SendAsync("SIP/2.0 200 OK\r\n\r\n"u8.ToArray(), SendTarget.ToFlow(flow));
        Assert.Equal(SendStatus.FlowClosed, result.Status);
    }

    /// <summary>Reads until the peer closes (returns 0) or resets (returns 0 as well); times out otherwise.</summary>
    internal static async Task<int> ReadToEndAsync(NetworkStream stream, int timeoutMs = 5000)
    {
        var buffer = new byte[1024];
        using var timeout = new CancellationTokenSource(timeoutMs);
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    return 0;
                }
            }
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
