using System.Net;

namespace Switchboard.MediaProxy.Sdp;

/// <summary>
/// One media section: the <c>m=</c> line at <c>FirstLine</c> up to (not including) <c>EndLine</c>.
/// Port 0 marks a rejected or disabled stream (RFC 3264 §6).
/// </summary>
public sealed class SdpMediaDescription
{
    public required int Index { get; init; }
    public required int FirstLine { get; init; }
    public int EndLine { get; internal set; }
    public required string Media { get; init; }
    public required int Port { get; init; }
    /// <summary>The optional "/count" of the m= port; the relay relays one port per stream and drops it.</summary>
    public int? PortCount { get; init; }
    public required string Proto { get; init; }
    public required string Formats { get; init; }
    public SdpConnection? Connection { get; internal set; }
    /// <summary>RFC 3605 <c>a=rtcp:</c> port, null when absent.</summary>
    public int? RtcpPort { get; internal set; }
    public IPAddress? RtcpAddress { get; internal set; }
    public bool RtcpMux { get; internal set; }
    public SdpDirection Direction { get; internal set; }
    /// <summary>Number of <c>a=candidate</c> lines (ICE); the rewriter strips them with the other ICE attributes.</summary>
    public int CandidateCount { get; internal set; }

    public bool IsRejected => Port == 0;
}
