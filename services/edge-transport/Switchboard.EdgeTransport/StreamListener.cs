using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Sip;

namespace Switchboard.EdgeTransport;

/// <summary>
/// A TCP or TLS listener. Over the manual's "Input Channels" limit a new connection is closed at once (refused);
/// TLS handshakes must finish within the connect timeout and accept TLS 1.2 or newer only.
/// </summary>
internal sealed class StreamListener : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly SipTransport _transport;
    private readonly X509Certificate2? _certificate;
    private readonly ConnectionTable _connections;
    private readonly StreamInbound _inbound;
    private readonly EdgeTransportOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private Task _acceptLoop = Task.CompletedTask;

    public StreamListener(
        IPEndPoint bindTo,
        SipTransport transport,
        X509Certificate2? certificate,
        ConnectionTable connections,
        StreamInbound inbound,
        EdgeTransportOptions options,
        TimeProvider time,
        ILogger logger)
    {
        _transport = transport;
        _certificate = certificate;
        _connections = connections;
        _inbound = inbound;
        _options = options;
        _time = time;
        _logger = logger;
        _socket = new Socket(bindTo.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (bindTo.AddressFamily == AddressFamily.InterNetworkV6)
        {
            _socket.DualMode = false;
        }
        _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _socket.Bind(bindTo);
        _socket.Listen(512);
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    public IPEndPoint LocalEndPoint { get; }

    public SipTransport Transport => _transport;

    /// <summary>Incoming connections refused because of the Input Channels limit.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    private long _refused;

    public void Start() => _acceptLoop = Task.Run(AcceptLoopAsync);

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _socket.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                break;
            }
            catch (SocketException e)
            {
                _logger.LogDebug("Accept on {Local} failed: {Error}", LocalEndPoint, e.SocketErrorCode);
                continue;
            }
            if (!_connections.TryReserveIncoming())
            {
                Interlocked.Increment(ref _refused);
                _inbound.Metrics.ConnectionRefused();
                _logger.LogWarning("Refused {Transport} connection from {Remote}: Input Channels limit reached",
                    _transport.ToViaToken(), client.RemoteEndPoint);
                client.Close(0);
                continue;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        client.NoDelay = true;
        var remote = (IPEndPoint)client.RemoteEndPoint!;
        var local = (IPEndPoint)client.LocalEndPoint!;
        Stream stream = new NetworkStream(client, ownsSocket: true);
        try
        {
            if (_transport == SipTransport.Tls)
            {
                stream = await AuthenticateAsServerAsync(stream).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException)
        {
            _logger.LogInformation("TLS handshake with {Remote} failed: {Error}", remote, e.Message);
            await stream.DisposeAsync().ConfigureAwait(false);
            _connections.ReleaseIncoming();
            return;
        }
        var id = _connections.NextId();
        var connection = new StreamConnection(id, new SipFlow(_inbound.EdgeId, _transport, local, remote, id), stream, incoming: true, _time);
        _connections.Add(connection);
        await connection.RunAsync(_inbound).ConfigureAwait(false);
    }

    private async Task<Stream> AuthenticateAsServerAsync(Stream inner)
    {
        var ssl = new SslStream(inner, leaveInnerStreamOpen: false);
        using var timeout = new CancellationTokenSource(_options.ConnectTimeout);
        await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
        {
            ServerCertificate = _certificate,
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            ClientCertificateRequired = false,
        }, timeout.Token).ConfigureAwait(false);
        return ssl;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _socket.Dispose();
        await _acceptLoop.ConfigureAwait(false);
    }
}
