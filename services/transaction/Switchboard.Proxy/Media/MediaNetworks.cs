using System.Net;
using Switchboard.Contracts.Media;
using Switchboard.Proxy.Security;

namespace Switchboard.Proxy.Media;

/// <summary>The manual's "LAN IPs": whether an address is in the LAN or the WAN (the CIDR matching is shared with trusted networks).</summary>
public sealed class MediaNetworks
{
    /// <summary>RFC 1918, loopback, link-local, RFC 6598 shared space, IPv6 loopback/ULA/link-local (the edge's defaults too).</summary>
    public static readonly IReadOnlyList<string> PrivateDefaults =
    [
        "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "169.254.0.0/16", "100.64.0.0/10",
        "::1/128", "fc00::/7", "fe80::/10",
    ];

    private readonly TrustedNetworks _lan;

    public MediaNetworks(IEnumerable<string> lanRanges)
    {
        ArgumentNullException.ThrowIfNull(lanRanges);
        IReadOnlyList<string> ranges = lanRanges.ToArray();
        _lan = new TrustedNetworks(ranges.Count > 0 ? ranges : PrivateDefaults);
    }

    public MediaNetwork Classify(IPAddress? address) =>
        address is not null && _lan.Contains(address) ? MediaNetwork.Lan : MediaNetwork.Wan;
}
