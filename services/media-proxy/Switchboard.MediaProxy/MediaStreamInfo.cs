using System.Net;

namespace Switchboard.MediaProxy;

/// <summary>
/// One relayed stream (m= line <c>Index</c>): the relay RTP port each leg sends to, and where the relay sends
/// to each leg (the SDP address until latched, then the learned source).
/// </summary>
public sealed record MediaStreamInfo(int Index, int CallerPort, int CalleePort, IPEndPoint? CallerPeer,
    IPEndPoint? CalleePeer, bool CallerLatched, bool CalleeLatched, bool RtcpMux, MediaCounters Counters);
