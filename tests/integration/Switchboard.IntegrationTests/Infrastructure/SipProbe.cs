using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.IntegrationTests.Infrastructure;

/// <summary>A minimal UDP SIP client for tests: sends bytes, waits for a datagram.</summary>
internal sealed class SipProbe : IDisposable
{
    private readonly UdpClient _client = new(new IPEndPoint(IPAddress.Loopback, 0));

    public int LocalPort => ((IPEndPoint)_client.Client.LocalEndPoint!).Port;

    public Task SendAsync(byte[] message, int port) => _client.SendAsync(message, new IPEndPoint(IPAddress.Loopback, port)).AsTask();

    public async Task<string?> ReceiveAsync(int timeoutMs)
    {
        using var timeout = new CancellationTokenSource(timeoutMs);
        try
        {
            var result = await _client.ReceiveAsync(timeout.Token);
            return Encoding.UTF8.GetString(result.Buffer);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>An OPTIONS request from this probe (its Via names its own port, so answers come back here).</summary>
    public byte[] Options(string requestUri, string branch) => Encoding.ASCII.GetBytes(
        $"OPTIONS {requestUri} SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:{LocalPort};branch={branch};rport\r\n" +
        "Max-Forwards: 70\r\n" +
        $"From: <sip:probe@127.0.0.1>;tag={branch}\r\n" +
        $"To: <{requestUri}>\r\n" +
        $"Call-ID: {branch}@probe\r\n" +
        "CSeq: 1 OPTIONS\r\n" +
        "Content-Length: 0\r\n\r\n");

    public void Dispose() => _client.Dispose();
}
