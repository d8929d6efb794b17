namespace Switchboard.MediaProxy.Relay;

/// <summary>
/// One stream (m= line <c>Index</c>) relayed between the caller and the callee: an endpoint facing each leg,
/// wired so that what arrives facing one leg leaves facing the other. Guarded by the owning session's gate.
/// </summary>
internal sealed class RelayStream(int index, RelayEndpoint facingCaller, RelayEndpoint facingCallee) : IDisposable
{
    public int Index { get; } = index;
    public RelayEndpoint FacingCaller { get; } = facingCaller;
    public RelayEndpoint FacingCallee { get; } = facingCallee;
    public bool RtcpMux { get; private set; }

    public MediaCounters Counters => FacingCaller.Counters + FacingCallee.Counters;

    public RelayEndpoint Facing(bool caller) => caller ? FacingCaller : FacingCallee;

    /// <summary>The open sockets: RTP facing each leg, and RTCP unless muxed.</summary>
    public IEnumerable<RelaySocket> Sockets =>
        new[] { FacingCaller.Rtp, FacingCallee.Rtp, FacingCaller.Rtcp, FacingCallee.Rtcp }.OfType<RelaySocket>();

    public void Start()
    {
        Wire();
        FacingCaller.Rtp.Start();
        FacingCallee.Rtp.Start();
        FacingCaller.Rtcp?.Start();
        FacingCallee.Rtcp?.Start();
    }

    /// <summary>With rtcp-mux on both legs only the RTP sockets stay open; without it RTCP gets its own pair again.</summary>
    public void SetRtcpMux(bool mux, System.Net.IPAddress bindAddress, MediaActivity activity)
    {
        if (mux == RtcpMux)
            return;
        RtcpMux = mux;
        if (mux)
        {
            FacingCaller.CloseRtcp();
            FacingCallee.CloseRtcp();
            return;
        }

        FacingCaller.OpenRtcp(bindAddress, activity);
        FacingCallee.OpenRtcp(bindAddress, activity);
        Wire();
        FacingCaller.Rtcp?.Start();
        FacingCallee.Rtcp?.Start();
    }

    public void Dispose()
    {
        FacingCaller.Dispose();
        FacingCallee.Dispose();
    }

    private void Wire()
    {
        FacingCaller.Rtp.ConnectTo(FacingCallee.Rtp);
        FacingCallee.Rtp.ConnectTo(FacingCaller.Rtp);
        FacingCaller.Rtcp?.ConnectTo(FacingCallee.Rtcp);
        FacingCallee.Rtcp?.ConnectTo(FacingCaller.Rtcp);
    }
}
