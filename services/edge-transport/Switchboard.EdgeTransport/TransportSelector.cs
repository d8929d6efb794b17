using System.Net;
using Switchboard.Contracts.Sip;

namespace Switchboard.EdgeTransport;

/// <summary>
/// RFC 3261 §18.1.1 with the manual's UDP "Request Size Limit": when no transport is named, a message goes over UDP
/// unless it is larger than the limit for its destination (LAN or WAN), then over TCP.
/// </summary>
internal sealed class TransportSelector
{
    private readonly LanRanges _lan;
    private readonly int _lanLimit;
    private readonly int _wanLimit;

    public TransportSelector(LanRanges lan, EdgeTransportOptions options)
    {
        _lan = lan;
        _lanLimit = options.UdpRequestSizeLimitLan;
        _wanLimit = options.UdpRequestSizeLimitWan;
    }

    public SipTransport Choose(SipTransport? requested, int messageLength, IPAddress destination)
    {
        if (requested is { } named)
        {
            return named;
        }
        var limit = _lan.IsLan(destination) ? _lanLimit : _wanLimit;
        return messageLength > limit ? SipTransport.Tcp : SipTransport.Udp;
    }
}
