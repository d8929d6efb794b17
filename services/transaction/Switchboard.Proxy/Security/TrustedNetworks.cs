using System.Net;

namespace Switchboard.Proxy.Security;

/// <summary>The configured trusted source ranges (CIDR); a bad entry fails at start, not on the first call.</summary>
public sealed class TrustedNetworks
{
    private readonly IPNetwork[] _networks;

    public TrustedNetworks(IEnumerable<string> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        _networks = ranges.Select(Parse).ToArray();
    }

    public bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        IPAddress plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        foreach (IPNetwork network in _networks)
        {
            if (network.Contains(plain))
            {
                return true;
            }
        }

        return false;
    }

    private static IPNetwork Parse(string range)
    {
        if (IPNetwork.TryParse(range, out IPNetwork network))
        {
            return network;
        }

        if (IPAddress.TryParse(range, out IPAddress? single))
        {
            return new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        }

        throw new FormatException($"'{range}' is not an address range (CIDR) or address.");
    }
}
