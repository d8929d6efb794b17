using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Switchboard.Contracts.Gateway;
using Switchboard.Sip;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Uris;
using Switchboard.Sip.Writing;

namespace Switchboard.IntegrationTests.Kamailio;

/// <summary>
/// A tiny UAC over one real UDP socket on 127.0.0.1, standing in for the transaction layer until the lead wires the
/// real one: adds Via (rport) with a fresh branch, retransmits on Timer E (500 ms doubling), gives up after
/// <see cref="Timeout"/>, skips 1xx, matches the final response by branch. Requests arriving on the socket (calls to
/// the registered Contact) are kept in <see cref="ReceivedRequests"/>. One request at a time.
/// </summary>
internal sealed class UdpSipClientRequests : ISipClientRequests, IDisposable
{
    private static readonly Dictionary<string, string> CompactNames = new(StringComparer.Ordinal)
    {
        ["m"] = "Contact", ["v"] = "Via", ["f"] = "From", ["t"] = "To", ["i"] = "Call-ID", ["l"] = "Content-Length",
        ["c"] = "Content-Type", ["k"] = "Supported",
    };

    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly SipParser _parser = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly Channel<SipClientResponse> _finals = Channel.CreateUnbounded<SipClientResponse>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;
    private string _branch = "";

    public UdpSipClientRequests() => _receiving = Task.Run(ReceiveLoopAsync);

    public int LocalPort => ((IPEndPoint)_socket.Client.LocalEndPoint!).Port;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    public Channel<string> ReceivedRequests { get; } = Channel.CreateUnbounded<string>();

    /// <summary>Every request sent, in order.</summary>
    public ConcurrentQueue<SipClientRequest> Sent { get; } = new();

    public async ValueTask<SipClientResponse> SendAsync(SipClientRequest request, CancellationToken cancellationToken = default)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            while (_finals.Reader.TryRead(out _))
            {
                // a late final of an earlier request
            }

            Sent.Enqueue(request);
            Volatile.Write(ref _branch, "z9hG4bK" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
            var bytes = Encode(request, _branch);
            var destination = new IPEndPoint(IPAddress.Parse(request.Destination.Host), request.Destination.Port);
            return await ExchangeAsync(bytes, destination, cancellationToken);
        }
        catch (SocketException e)
        {
            return SipClientResponse.Failed(e.Message);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        try
        {
            _receiving.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // the loop ends with the socket
        }

        _stop.Dispose();
    }

    private async Task<SipClientResponse> ExchangeAsync(byte[] bytes, IPEndPoint destination, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Timeout;
        var interval = TimeSpan.FromMilliseconds(500);
        while (DateTime.UtcNow < deadline)
        {
            await _socket.SendAsync(bytes, destination, cancellationToken);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(interval);
            try
            {
                return await _finals.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                interval = interval * 2 > TimeSpan.FromSeconds(4) ? TimeSpan.FromSeconds(4) : interval * 2; // Timer E, capped at T2
            }
        }

        return SipClientResponse.TimedOut();
    }

    private byte[] Encode(SipClientRequest request, string branch)
    {
        var builder = new SipRequestBuilder(request.Method, SipUri.Parse(request.RequestUri))
            .AddHeader("Via", $"SIP/2.0/UDP 127.0.0.1:{LocalPort};branch={branch};rport");
        foreach (var header in request.Headers)
        {
            builder.AddHeader(header.Name, header.Value);
        }

        if (request.ContentType is { } contentType)
        {
            builder.SetBody(contentType, request.Body);
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private async Task ReceiveLoopAsync()
    {
        var message = new SipMessage();
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult datagram;
            try
            {
                datagram = await _socket.ReceiveAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            if (!_parser.TryParseDatagram(datagram.Buffer, message, out _))
            {
                continue;
            }

            if (message.IsRequest)
            {
                ReceivedRequests.Writer.TryWrite(Encoding.UTF8.GetString(datagram.Buffer));
            }
            else if (message.StatusCode >= 200 && message.TryGetVia(out var via) && message.GetString(via.Branch) == Volatile.Read(ref _branch))
            {
                _finals.Writer.TryWrite(ToResponse(message));
            }
        }
    }

    private static SipClientResponse ToResponse(SipMessage message)
    {
        var headers = new List<SipHeaderField>(message.HeaderCount);
        foreach (var header in message.Headers)
        {
            var name = Encoding.UTF8.GetString(message.GetName(header));
            headers.Add(new SipHeaderField(CompactNames.GetValueOrDefault(name, name), Encoding.UTF8.GetString(message.GetValue(header))));
        }

        return SipClientResponse.Final(message.StatusCode, message.GetString(message.ReasonPhrase) ?? "", headers);
    }
}
