using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.MediaProxy.Relay;

/// <summary>
/// The portable engine: one async receive loop per socket on .NET's socket engine. The loop holds no thread while
/// waiting and allocates nothing per packet (one pooled buffer and one <see cref="SocketAddress"/> per loop; the
/// .NET SocketAddress overloads reuse their event args), but each packet costs a hop from .NET's epoll thread to
/// the thread pool. Closing a socket ends its loop with an <see cref="ObjectDisposedException"/>.
/// </summary>
internal sealed class AsyncRelayEngine : IRelayEngine, IRelayPump
{
    private const int BufferSize = 2048;

    public IRelayPump NextPump() => this;

    public void Start(RelaySocket socket) => _ = ReceiveLoopAsync(socket);

    public void Close(RelaySocket socket) => socket.Socket.Dispose();

    public void Dispose()
    {
        // Nothing to stop: each loop ends with its socket.
    }

    private static async Task ReceiveLoopAsync(RelaySocket relay)
    {
        var socket = relay.Socket;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var source = new SocketAddress(socket.AddressFamily);
        try
        {
            while (true)
            {
                int received;
                try
                {
                    received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, source).ConfigureAwait(false);
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
                {
                    relay.Drop();
                    continue;
                }

                var target = relay.Accept(source) ? relay.Partner : null;
                var address = target?.Latch.Address;
                if (address is null)
                {
                    relay.Drop();
                    continue;
                }

                // Counted before the send, so whoever sees the packet arrive also sees it counted.
                relay.Count(1, received);
                relay.Activity.Touch();
                if (!await TrySendAsync(target!.Socket, buffer.AsMemory(0, received), address).ConfigureAwait(false))
                {
                    relay.Count(-1, -received);
                    relay.Drop();
                    continue;
                }

                if (relay.OffloadPending)
                    relay.Kernel!.TryInstall(relay);
            }
        }
        catch (ObjectDisposedException)
        {
            // the socket was closed: the session ended or the stream was released
        }
        catch (SocketException)
        {
            // OperationAborted on close, or a fatal socket error: the loop ends with the socket
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async ValueTask<bool> TrySendAsync(Socket socket, ReadOnlyMemory<byte> packet, SocketAddress address)
    {
        try
        {
            await socket.SendToAsync(packet, SocketFlags.None, address).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }
}
