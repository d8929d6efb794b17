using System.Runtime.InteropServices;
using static Switchboard.MediaProxy.Relay.Epoll.LinuxInterop;

namespace Switchboard.MediaProxy.Relay.Epoll;

internal sealed unsafe partial class EpollRelayLoop
{
    // Per wake-up a socket gets at most this many batches, so one busy stream cannot starve the others
    // (level-triggered epoll reports it again on the next wait).
    private const int MaxBatchesPerWake = 2;

    /// <summary>Receives what is queued on a ready socket, in batches, and forwards each batch.</summary>
    private void Drain(RelaySocket socket)
    {
        for (var round = 0; round < MaxBatchesPerWake; round++)
        {
            _batch.PrepareReceive();
            var received = RecvMmsg(socket.LoopFd, _batch.Received, RelayBatch.Size, MsgDontWait, null);
            if (received < 0)
            {
                var error = Marshal.GetLastPInvokeError();
                if (error == EAgain)
                    return;
                if (error != EIntr)
                    socket.Drop(); // a queued ICMP error (ECONNREFUSED...): counted, the socket stays
                continue;
            }

            if (received > 0)
                Forward(socket, received);
            if (received < RelayBatch.Size)
                return;
        }
    }

    /// <summary>
    /// Latches and filters each received packet as the async engine does, then sends the accepted ones with one
    /// sendmmsg on the partner's fd to the partner's peer. The partner is registered on this loop (a stream's
    /// sockets share a loop), so its fd is valid: only this thread closes it.
    /// </summary>
    private void Forward(RelaySocket socket, int received)
    {
        var partner = socket.Partner;
        var target = partner is { LoopFd: >= 0 } && ReferenceEquals(partner.Pump, this) ? partner : null;
        var address = target?.Latch.Address;
        var routable = address is not null && _batch.SetDestination(address.Buffer.Span[..address.Size]);
        int queued = 0, drops = 0;
        long bytesQueued = 0;
        for (var i = 0; i < received; i++)
        {
            var truncated = (_batch.Received[i].Header.Flags & MsgTrunc) != 0;
            if (truncated || !socket.Accept(_batch.Source(i)) || !routable)
            {
                drops++;
                continue;
            }

            _batch.Queue(queued++, i);
            bytesQueued += _batch.Received[i].Length;
        }

        // Counted before the send, so whoever sees a relayed packet arrive also sees it (and these drops) counted.
        if (drops > 0)
            socket.Drop(drops);
        if (queued == 0)
            return;
        socket.Count(queued, bytesQueued);
        socket.Activity.Touch();
        var (sent, refusedBytes) = Send(target!.LoopFd, queued);
        if (sent < queued)
        {
            socket.Count(sent - queued, -refusedBytes); // take back what the kernel refused
            socket.Drop(queued - sent);
        }

        if (sent > 0 && socket.OffloadPending)
            socket.Kernel!.TryInstall(socket);
    }

    /// <summary>
    /// Sends the queued messages; a message the kernel refuses (full buffer, ICMP error) is dropped. Returns how many
    /// went and the bytes of those that did not.
    /// </summary>
    private (int Sent, long RefusedBytes) Send(int fd, int queued)
    {
        int offset = 0, sent = 0;
        long refusedBytes = 0;
        while (offset < queued)
        {
            var accepted = SendMmsg(fd, _batch.Outgoing + offset, (uint)(queued - offset), MsgDontWait);
            if (accepted <= 0)
            {
                refusedBytes += (long)_batch.Outgoing[offset].Header.Iov->Length;
                offset++; // skip the refused message; each iteration advances, so the loop is bounded
                continue;
            }

            sent += accepted;
            offset += accepted;
        }

        return (sent, refusedBytes);
    }
}
