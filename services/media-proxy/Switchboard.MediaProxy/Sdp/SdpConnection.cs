using System.Net;

namespace Switchboard.MediaProxy.Sdp;

/// <summary>
/// A <c>c=</c> line (RFC 8866 §5.7). <c>Address</c> is null when the address is not an IP literal
/// (an FQDN, or a nettype other than IN); such a connection is kept verbatim by the rewriter.
/// </summary>
public sealed record SdpConnection(int LineIndex, bool IsIPv6, string AddressText, IPAddress? Address)
{
    /// <summary>RFC 2543-style hold: <c>c=IN IP4 0.0.0.0</c> (or <c>::</c>). The relay keeps it as is.</summary>
    public bool IsHold => Address is not null && (Address.Equals(IPAddress.Any) || Address.Equals(IPAddress.IPv6Any));
}
