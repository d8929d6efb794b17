using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Sip;

namespace Switchboard.EdgeTransport;

/// <summary>
/// One UDP socket: a few receivers (each with its own reusable buffer and parse state) and sends. Received
/// datagrams are handled inline on the receiver; the transaction layer hands longer work to its own workers.
/// Receivers are either dedicated threads blocked in recvfrom (as Kamailio's UDP workers are: no readiness event, no
/// thread-pool hop per datagram; sends are then synchronous too, since one async operation would turn the socket
/// non-blocking and route every receive through the event loop) or async loops on the thread pool.
/// </summary>
internal sealed class UdpListener : IAsyncDisposable
{
    private const int MaxDatagram = 65535;
    private readonly Socket _socket;
    private readonly DatagramInbound _inbound;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private readonly List<Thread> _threads = [];
    private readonly bool _blocking;

    public UdpListener(IPEndPoint bindTo, int socketBufferBytes, DatagramInbound inbound, ILogger logger, bool blockingReceivers = false)
    {
        _blocking = blockingReceivers;
        _inbound = inbound;
        _logger = logger;
        _socket = new Socket(bindTo.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        if (bindTo.AddressFamily == AddressFamily.InterNetworkV6)
        {
            // Separate IPv4 and IPv6 sockets may both bind the port; a dual-mode socket would collide.
            _socket.DualMode = false;
        }
        _socket.ReceiveBufferSize = socketBufferBytes;
        _socket.SendBufferSize = socketBufferBytes;
        _socket.Bind(bindTo);
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    public IPEndPoint LocalEndPoint { get; }

    public void Start(int loops)
    {
        for (var i = 0; i < Math.Max(1, loops); i++)
        {
            if (_blocking)
            {
                var thread = new Thread(ReceiveLoop) { IsBackground = true, Name = $"SIP UDP {LocalEndPoint} #{i}" };
                _threads.Add(thread);
                thread.Start();
            }
            else
            {
                _loops.Add(Task.Run(ReceiveLoopAsync));
            }
        }
    }

    private void ReceiveLoop()
    {
        var buffer = GC.AllocateUninitializedArray<byte>(MaxDatagram, pinned: true);
        var address = new SocketAddress(LocalEndPoint.AddressFamily);
        var remotes = new RemoteEndPointCache(LocalEndPoint);
        var state = _inbound.CreateLoopState();
        while (!_stop.IsCancellationRequested)
        {
            int received;
            try
            {
                received = _socket.ReceiveFrom(buffer, SocketFlags.None, address);
            }
            catch (ObjectDisposedException)
            {
                break;
            }
            catch (SocketException e)
            {
                if (_stop.IsCancellationRequested)
                {
                    break;
                }

                // ICMP errors for earlier sends surface here on some platforms; the socket is still usable.
                _logger.LogDebug("UDP receive on {Local}: {Error}", LocalEndPoint, e.SocketErrorCode);
                continue;
            }

            Handle(state, buffer, received, remotes.Get(address));
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = GC.AllocateUninitializedArray<byte>(MaxDatagram, pinned: true);
        var address = new SocketAddress(LocalEndPoint.AddressFamily);
        var remotes = new RemoteEndPointCache(LocalEndPoint);
        var state = _inbound.CreateLoopState();
        while (!_stop.IsCancellationRequested)
        {
            int received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, address, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (ObjectDisposedException)
            {
                break;
            }
            catch (SocketException e)
            {
                // ICMP errors for earlier sends surface here on some platforms; the socket is still usable.
                _logger.LogDebug("UDP receive on {Local}: {Error}", LocalEndPoint, e.SocketErrorCode);
                continue;
            }
            Handle(state, buffer, received, remotes.Get(address));
        }
    }

    private void Handle(DatagramInbound.LoopState state, byte[] buffer, int received, IPEndPoint remote)
    {
        try
        {
            _inbound.OnDatagram(state, buffer.AsMemory(0, received), LocalEndPoint, remote, this);
        }
        catch (Exception e)
        {
            // A bug in a handler must not stop the listener.
            _logger.LogError(e, "UDP message handling failed on {Local}", LocalEndPoint);
        }
    }

    public ValueTask<bool> SendAsync(ReadOnlyMemory<byte> data, IPEndPoint destination, CancellationToken cancellationToken) =>
        _blocking ? ValueTask.FromResult(Send(data.Span, destination)) : SendOnLoopAsync(data, destination, cancellationToken);

    private bool Send(ReadOnlySpan<byte> data, IPEndPoint destination)
    {
        try
        {
            // A datagram send only waits when the socket buffer is full, which the large buffer makes rare.
            _socket.SendTo(data, SocketFlags.None, destination);
            return true;
        }
        catch (SocketException e)
        {
            _logger.LogDebug("UDP send to {Destination} failed: {Error}", destination, e.SocketErrorCode);
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    private async ValueTask<bool> SendOnLoopAsync(ReadOnlyMemory<byte> data, IPEndPoint destination, CancellationToken cancellationToken)
    {
        try
        {
            await _socket.SendToAsync(data, SocketFlags.None, destination, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException e)
        {
            _logger.LogDebug("UDP send to {Destination} failed: {Error}", destination, e.SocketErrorCode);
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        // Closing the socket wakes receivers blocked in recvfrom (they see ObjectDisposedException or a SocketException).
        _socket.Dispose();
        foreach (var thread in _threads)
        {
            thread.Join(TimeSpan.FromSeconds(2));
        }

        try
        {
            await Task.WhenAll(_loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}

/// <summary>
/// Turns a received <see cref="SocketAddress"/> into an <see cref="IPEndPoint"/>, reusing the last one when the same
/// peer sends again (a phone or a load generator sends many datagrams in a row), so steady traffic does not allocate.
/// </summary>
internal sealed class RemoteEndPointCache
{
    private readonly IPEndPoint _template;
    private SocketAddress? _lastAddress;
    private IPEndPoint? _lastEndPoint;

    public RemoteEndPointCache(IPEndPoint template)
    {
        _template = template;
    }

    public IPEndPoint Get(SocketAddress address)
    {
        if (_lastAddress is not null && _lastEndPoint is not null && _lastAddress.Equals(address))
        {
            return _lastEndPoint;
        }
        _lastEndPoint = (IPEndPoint)_template.Create(address);
        _lastAddress ??= new SocketAddress(address.Family, address.Size);
        address.Buffer.Span.CopyTo(_lastAddress.Buffer.Span);
        return _lastEndPoint;
    }
}
