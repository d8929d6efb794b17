using System.Net;
using System.Net.Sockets;

namespace Switchboard.EdgeTransport;

/// <summary>
/// The manual's "LAN IPs": decides whether an address is inside the LAN (request size limit, media relaying).
/// Immutable; matching is a prefix compare on the address bytes, no allocation.
/// </summary>
public sealed class LanRanges
{
    /// <summary>RFC 1918, loopback, link-local, RFC 6598 shared space, IPv6 ULA/link-local/loopback.</summary>
    public static readonly IReadOnlyList<string> PrivateDefaults =
    [
        "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "169.254.0.0/16", "100.64.0.0/10",
        "::1/128", "fc00::/7", "fe80::/10",
    ];

    private readonly IpNetwork[] _networks;

    public LanRanges(IEnumerable<string> cidrs)
    {
        _networks = cidrs.Select(IpNetwork.Parse).ToArray();
    }

    public static LanRanges FromOptions(EdgeTransportOptions options) =>
        new(options.LanAddresses.Count > 0 ? options.LanAddresses : PrivateDefaults);

    public bool IsLan(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        foreach (var network in _networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }
        return false;
    }

    public IReadOnlyList<string> Describe() => _networks.Select(n => n.ToString()).ToArray();
}

/// <summary>An address prefix ("10.0.0.0/8").</summary>
internal readonly struct IpNetwork
{
    private readonly byte[] _prefix;

    private IpNetwork(byte[] prefix, int bits, AddressFamily family)
    {
        _prefix = prefix;
        Bits = bits;
        Family = family;
    }

    public int Bits { get; }

    public AddressFamily Family { get; }

    public static IpNetwork Parse(string cidr)
    {
        var slash = cidr.IndexOf('/');
        var address = IPAddress.Parse(slash < 0 ? cidr : cidr[..slash]);
        var maxBits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var bits = slash < 0 ? maxBits : int.Parse(cidr.AsSpan(slash + 1));
        if (bits < 0 || bits > maxBits)
        {
            throw new FormatException($"Bad prefix length in '{cidr}'.");
        }
        return new IpNetwork(address.GetAddressBytes(), bits, address.AddressFamily);
    }

    public bool Contains(IPAddress address)
    {
        if (address.AddressFamily != Family)
        {
            return false;
        }
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var written) || written != _prefix.Length)
        {
            return false;
        }
        var fullBytes = Bits / 8;
        if (!bytes[..fullBytes].SequenceEqual(_prefix.AsSpan(0, fullBytes)))
        {
            return false;
        }
        var rest = Bits % 8;
        if (rest == 0)
        {
            return true;
        }
        var mask = (byte)(0xFF << (8 - rest));
        return (bytes[fullBytes] & mask) == (_prefix[fullBytes] & mask);
    }

    public override string ToString() => $"{new IPAddress(_prefix)}/{Bits}";
}
