using Microsoft.Extensions.Logging;
using System.Net;
using Switchboard.MediaProxy.Relay;
using Switchboard.MediaProxy.Sdp;

namespace Switchboard.MediaProxy;

public sealed partial class MediaRelay
{
    /// <summary>
    /// Applies one SDP (offer or answer) from <paramref name="sender"/>: allocates ports for new active streams,
    /// releases streams set to port 0, points the sender-facing sockets at the sender's addresses and rewrites
    /// the SDP with the ports facing the other leg. Call under the session gate.
    /// </summary>
    private MediaRelayResult Negotiate(MediaSession session, MediaLeg sender, ReadOnlyMemory<byte> sdp, MediaSide towards)
    {
        session.Activity.Touch();
        if (sender.LastSdp is { } last && sdp.Span.SequenceEqual(last))
            return MediaRelayResult.Relayed(sender.LastOutput!); // retransmission: same ports, same bytes

        var copy = sdp.ToArray(); // the document keeps offsets into it; the caller may reuse its buffer
        if (!SdpParser.TryParse(copy, out var document, out var error))
            return MediaRelayResult.Invalid(error);
        if (!TryAllocateNewStreams(session, document))
            return ExhaustedResult(sdp);

        var receiver = session.Other(sender);
        var ports = new int[document.Media.Count];
        for (var i = 0; i < document.Media.Count; i++)
            ports[i] = ApplyStream(session, sender, receiver, document, i);
        for (var i = document.Media.Count; i < session.Streams.Count; i++)
            ReleaseStream(session, i);

        var output = SdpRewriter.Rewrite(document, Advertised(towards), ports);
        sender.Remember(copy, document, output);
        return MediaRelayResult.Relayed(output);
    }

    private bool TryAllocateNewStreams(MediaSession session, SdpDocument document)
    {
        List<int>? added = null;
        for (var i = 0; i < document.Media.Count; i++)
        {
            if (document.Media[i].IsRejected || i < session.Streams.Count && session.Streams[i] is not null)
                continue;
            if (_allocator.TryAllocate(i, session.Activity) is not { } stream)
            {
                foreach (var index in added ?? [])
                    ReleaseStream(session, index);
                _metrics.AllocationFailed();
                _logger.LogWarning("Relay ports exhausted for Call-ID {CallId}", session.CallId);
                return false;
            }

            session.Set(i, stream);
            (added ??= []).Add(i);
        }

        return true;
    }

    /// <summary>Returns the relay RTP port to advertise for stream <paramref name="index"/> (0 = rejected).</summary>
    private int ApplyStream(MediaSession session, MediaLeg sender, MediaLeg receiver, SdpDocument document, int index)
    {
        var media = document.Media[index];
        if (media.IsRejected)
        {
            ReleaseStream(session, index);
            return 0;
        }

        var stream = session.Streams[index]!;
        var address = document.ConnectionAddress(index);
        var known = address is not null && !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any);
        var rtcpPort = media.RtcpPort ?? media.Port + 1;
        stream.Facing(sender.IsCaller).UpdatePeer(
            known ? new IPEndPoint(address!, media.Port) : null,
            known && rtcpPort <= 65535 ? new IPEndPoint(media.RtcpAddress ?? address!, rtcpPort) : null);

        var other = receiver.LastDocument;
        var mux = media.RtcpMux && other is not null && index < other.Media.Count && other.Media[index].RtcpMux;
        stream.SetRtcpMux(mux, _allocator.BindAddress, session.Activity);
        return stream.Facing(receiver.IsCaller).RtpPort;
    }

    private void ReleaseStream(MediaSession session, int index)
    {
        if (session.Detach(index) is { } stream)
            _allocator.Release(stream);
    }

    private MediaRelayResult ExhaustedResult(ReadOnlyMemory<byte> sdp) => _options.OnPortsExhausted switch
    {
        PortsExhaustedAction.Reject488 => MediaRelayResult.Exhausted(488),
        PortsExhaustedAction.Reject500 => MediaRelayResult.Exhausted(500),
        _ => MediaRelayResult.PassedThrough(sdp),
    };
}
