using System.Net;

namespace Switchboard.MediaProxy.Relay;

/// <summary>
/// The relay's sockets for one stream facing one leg: RTP on the even port, RTCP on the odd port
/// (null while the stream is rtcp-muxed, RFC 5761). All fields are guarded by the owning session's gate;
/// the receive loops only read the sockets' own latch and partner.
/// </summary>
internal sealed class RelayEndpoint(int rtpPort, RelaySocket rtp, RelaySocket? rtcp) : IDisposable
{
    private MediaCounters _closedRtcp;

    public int RtpPort { get; } = rtpPort;
    public RelaySocket Rtp { get; } = rtp;
    public RelaySocket? Rtcp { get; private set; } = rtcp;
    /// <summary>The leg's addresses from its last SDP; a change resets the latch.</summary>
    public IPEndPoint? SdpRtpPeer { get; private set; }
    public IPEndPoint? SdpRtcpPeer { get; private set; }

    public MediaCounters Counters => Rtp.Counters + (Rtcp?.Counters ?? default) + _closedRtcp;

    public void UpdatePeer(IPEndPoint? rtpPeer, IPEndPoint? rtcpPeer)
    {
        if (!Equals(SdpRtpPeer, rtpPeer))
            Rtp.ResetLatch(rtpPeer);
        if (!Equals(SdpRtcpPeer, rtcpPeer))
            Rtcp?.ResetLatch(rtcpPeer);
        SdpRtpPeer = rtpPeer;
        SdpRtcpPeer = rtcpPeer;
    }

    public void CloseRtcp()
    {
        if (Rtcp is null)
            return;
        Rtcp.Dispose();
        _closedRtcp += Rtcp.Counters;
        Rtcp = null;
    }

    /// <summary>Re-opens RTCP after mux was given up; the odd port is still reserved in the pool.</summary>
    public void OpenRtcp(IPAddress bindAddress, MediaActivity activity)
    {
        if (Rtcp is not null)
            return;
        Rtcp = RelaySocket.TryBind(bindAddress, RtpPort + 1, activity, Rtp.Pump, Rtp.Kernel); // same pump as its partner
        Rtcp?.ResetLatch(SdpRtcpPeer);
    }

    public void Dispose()
    {
        Rtp.Dispose();
        Rtcp?.Dispose();
    }
}
