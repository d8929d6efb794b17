using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Contracts.Sip;

namespace Switchboard.EdgeTransport;

/// <summary>
/// The edge transport: owns the listeners and the connection table, delivers received messages to the sink, and
/// sends messages on flows or to addresses (RFC 3261 §18). One instance per process.
/// </summary>
public sealed class SipEdge : ISipSender, IAsyncDisposable
{
    private readonly EdgeTransportOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SipEdge> _logger;
    private readonly LanRanges _lan;
    private readonly TransportSelector _selector;
    private readonly ConnectionTable _connections;
    private readonly EdgeInbound _inbound;
    private readonly List<UdpListener> _udp = [];
    private readonly List<StreamListener> _streams = [];
    private readonly EdgeMetrics _metrics;
    private ITimer? _idleSweep;

    public SipEdge(IOptions<EdgeTransportOptions> options, EdgeInbound inbound, TimeProvider time, ILogger<SipEdge> logger)
    {
        _metrics = inbound.Metrics;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _lan = LanRanges.FromOptions(_options);
        _selector = new TransportSelector(_lan, _options);
        _connections = new ConnectionTable(_options.TcpInputChannels);
        _connections.Removed += c => inbound.OnConnectionClosed(c.Flow);
        _inbound = inbound;
        _inbound.AttachSender(this);
    }

    public string EdgeId => _options.EdgeId;

    public LanRanges Lan => _lan;

    public IReadOnlyList<IPEndPoint> UdpEndPoints => _udp.Select(u => u.LocalEndPoint).ToArray();

    public IReadOnlyList<IPEndPoint> TcpEndPoints => StreamEndPoints(SipTransport.Tcp);

    public IReadOnlyList<IPEndPoint> TlsEndPoints => StreamEndPoints(SipTransport.Tls);

    public int OpenConnections => _connections.Count;

    public long RefusedConnections => _streams.Sum(s => s.Refused);

    private IReadOnlyList<IPEndPoint> StreamEndPoints(SipTransport transport) =>
        _streams.Where(s => s.Transport == transport).Select(s => s.LocalEndPoint).ToArray();

    public void Start()
    {
        var useDefaults = _options.UseDefaultListeners && _options.Udp.Count + _options.Tcp.Count + _options.Tls.Count == 0;
        foreach (var endPoint in ListenerAddress.Resolve(_options.Udp, useDefaults, 5060))
        {
            TryStart(() =>
            {
                var listener = new UdpListener(endPoint, _options.UdpSocketBufferBytes, _inbound.Datagrams, _logger, _options.UdpReceiveThreads);
                listener.Start(_options.UdpReceiveLoops);
                _udp.Add(listener);
                return listener.LocalEndPoint;
            }, "UDP", endPoint);
        }
        foreach (var endPoint in ListenerAddress.Resolve(_options.Tcp, useDefaults, 5060))
        {
            TryStart(() => StartStream(endPoint, SipTransport.Tcp, null), "TCP", endPoint);
        }
        var certificate = TlsCertificateLoader.Load(_options);
        if (certificate is not null)
        {
            foreach (var endPoint in ListenerAddress.Resolve(_options.Tls, useDefaults, 5061))
            {
                TryStart(() => StartStream(endPoint, SipTransport.Tls, certificate), "TLS", endPoint);
            }
        }
        else if (_options.Tls.Count > 0)
        {
            throw new InvalidOperationException("TLS listeners are configured but no TlsCertificatePath is set.");
        }
        if (_udp.Count + _streams.Count == 0 && (useDefaults || _options.Udp.Count + _options.Tcp.Count > 0))
        {
            throw new InvalidOperationException("No SIP listener could be started.");
        }
        var sweep = TimeSpan.FromSeconds(Math.Clamp(_options.TcpIdleTimeout.TotalSeconds / 4, 0.05, 5));
        _idleSweep = _time.CreateTimer(_ => CloseIdleConnections(), null, sweep, sweep);
    }

    private IPEndPoint StartStream(IPEndPoint endPoint, SipTransport transport, X509Certificate2? certificate)
    {
        var listener = new StreamListener(endPoint, transport, certificate, _connections, _inbound.Streams, _options, _time, _logger);
        listener.Start();
        _streams.Add(listener);
        return listener.LocalEndPoint;
    }

    private void TryStart(Func<IPEndPoint> start, string transport, IPEndPoint endPoint)
    {
        try
        {
            var bound = start();
            _logger.LogInformation("SIP {Transport} listener on {EndPoint}", transport, bound);
        }
        catch (SocketException e) when (endPoint.AddressFamily == AddressFamily.InterNetworkV6 && endPoint.Address.Equals(IPAddress.IPv6Any))
        {
            // Hosts without IPv6 still serve IPv4; an explicitly configured address must work.
            _logger.LogWarning("SIP {Transport} listener on {EndPoint} not started: {Error}", transport, endPoint, e.SocketErrorCode);
        }
    }

    private void CloseIdleConnections()
    {
        _metrics.OpenConnections.Set(_connections.Count);
        var now = _time.GetTimestamp();
        foreach (var connection in _connections.All)
        {
            if (connection.IdleFor(now) >= _options.TcpIdleTimeout)
            {
                _logger.LogDebug("Closing idle connection {Flow}", connection.Flow);
                connection.Close();
            }
        }
    }

    public async ValueTask<SendResult> SendAsync(ReadOnlyMemory<byte> message, SendTarget target, CancellationToken cancellationToken = default)
    {
        if (target.Flow is { } flow)
        {
            return await SendOnFlowAsync(message, flow, cancellationToken).ConfigureAwait(false);
        }
        if (target.Destination is not { } destination)
        {
            throw new ArgumentException("A send target needs a flow or a destination.", nameof(target));
        }
        var transport = _selector.Choose(target.Transport, message.Length, destination.Address);
        if (transport == SipTransport.Udp)
        {
            var udp = PickUdp(destination.AddressFamily, null);
            if (udp is null)
            {
                return new SendResult(SendStatus.Unreachable, null);
            }
            var sent = await udp.SendAsync(message, destination, cancellationToken).ConfigureAwait(false);
            return new SendResult(sent ? SendStatus.Sent : SendStatus.Unreachable,
                new SipFlow(EdgeId, SipTransport.Udp, udp.LocalEndPoint, destination, SipFlow.NoConnection));
        }
        var connection = await GetOrConnectAsync(destination, transport, cancellationToken).ConfigureAwait(false);
        if (connection is null)
        {
            return new SendResult(SendStatus.Unreachable, null);
        }
        var ok = await connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return new SendResult(ok ? SendStatus.Sent : SendStatus.Unreachable, connection.Flow);
    }

    private async ValueTask<SendResult> SendOnFlowAsync(ReadOnlyMemory<byte> message, SipFlow flow, CancellationToken cancellationToken)
    {
        if (flow.Transport == SipTransport.Udp)
        {
            var udp = PickUdp(flow.Remote.AddressFamily, flow.Local);
            if (udp is null)
            {
                return new SendResult(SendStatus.Unreachable, null);
            }
            var sent = await udp.SendAsync(message, flow.Remote, cancellationToken).ConfigureAwait(false);
            return new SendResult(sent ? SendStatus.Sent : SendStatus.Unreachable, flow);
        }
        if (!_connections.TryGet(flow.ConnectionId, out var connection))
        {
            return new SendResult(SendStatus.FlowClosed, null);
        }
        var ok = await connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return new SendResult(ok ? SendStatus.Sent : SendStatus.FlowClosed, flow);
    }

    private UdpListener? PickUdp(AddressFamily family, IPEndPoint? preferredLocal)
    {
        UdpListener? sameFamily = null;
        foreach (var udp in _udp)
        {
            if (preferredLocal is not null && udp.LocalEndPoint.Equals(preferredLocal))
            {
                return udp;
            }
            if (sameFamily is null && udp.LocalEndPoint.AddressFamily == family)
            {
                sameFamily = udp;
            }
        }
        return sameFamily;
    }

    private async ValueTask<StreamConnection?> GetOrConnectAsync(IPEndPoint destination, SipTransport transport, CancellationToken cancellationToken)
    {
        if (_connections.TryGet(destination, transport, out var existing))
        {
            return existing;
        }
        var socket = new Socket(destination.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ConnectTimeout);
        Stream stream;
        try
        {
            await socket.ConnectAsync(destination, timeout.Token).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: true);
            if (transport == SipTransport.Tls)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                {
                    TargetHost = destination.Address.ToString(),
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                }, timeout.Token).ConfigureAwait(false);
                stream = ssl;
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or AuthenticationException or IOException)
        {
            _logger.LogInformation("Connecting {Transport} to {Destination} failed: {Error}", transport.ToViaToken(), destination, e.Message);
            socket.Dispose();
            return null;
        }
        var id = _connections.NextId();
        var flow = new SipFlow(EdgeId, transport, (IPEndPoint)socket.LocalEndPoint!, destination, id);
        var connection = new StreamConnection(id, flow, stream, incoming: false, _time);
        _connections.Add(connection);
        _ = Task.Run(() => connection.RunAsync(_inbound.Streams), CancellationToken.None);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        _idleSweep?.Dispose();
        foreach (var listener in _streams)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }
        foreach (var connection in _connections.All.ToArray())
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        foreach (var listener in _udp)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }
    }
}
