using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Switchboard.MediaProxy.Relay.Kernel;

/// <summary>
/// How a forwarded packet leaves, decided as the user-space relay's own sendto would: the source address the
/// kernel picks for the destination (a connected UDP probe, which sends nothing), and whether the destination is
/// this host (up the stack) or a neighbour behind the interface that owns that source address.
/// </summary>
internal sealed class KernelRoutes(TimeProvider time)
{
    private static readonly TimeSpan AddressesLifetime = TimeSpan.FromSeconds(30);
    private readonly Lock _gate = new();
    private Dictionary<IPAddress, int> _localAddresses = [];
    private long _readAt = long.MinValue;

    public KernelRoute? Resolve(IPAddress destination)
    {
        IPAddress source;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            try
            {
                probe.Connect(destination, 9);
            }
            catch (SocketException)
            {
                return null; // no route
            }

            source = ((IPEndPoint)probe.LocalEndPoint!).Address;
        }

        var local = LocalAddresses();
        if (IPAddress.IsLoopback(destination) || local.ContainsKey(destination))
            return new KernelRoute(source, NetworkInterface.LoopbackInterfaceIndex, ForwardingRule.DeliverLocally);
        return local.TryGetValue(source, out var index) ? new KernelRoute(source, index, ForwardingRule.SendToNeighbour) : null;
    }

    /// <summary>The interfaces to attach to: the named ones, or every interface that is up.</summary>
    public static IReadOnlyList<int> InterfaceIndexes(IReadOnlyCollection<string> names)
    {
        var indexes = new List<int>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            present.Add(nic.Name);
            try
            {
                var wanted = names.Count == 0 ? nic.OperationalStatus is OperationalStatus.Up or OperationalStatus.Unknown : names.Contains(nic.Name);
                if (wanted && nic.Supports(NetworkInterfaceComponent.IPv4))
                    indexes.Add(nic.GetIPProperties().GetIPv4Properties().Index);
            }
            catch (NetworkInformationException) when (names.Count == 0)
            {
                // removed while we listed it
            }
        }

        var missing = names.Where(name => !present.Contains(name)).ToList();
        return missing.Count == 0
            ? indexes
            : throw new ArgumentException($"MediaRelayOptions.KernelInterfaces: no interface {string.Join(", ", missing)}");
    }

    private Dictionary<IPAddress, int> LocalAddresses()
    {
        lock (_gate)
        {
            if (_readAt != long.MinValue && time.GetElapsedTime(_readAt) < AddressesLifetime)
                return _localAddresses;
            var addresses = new Dictionary<IPAddress, int>();
            foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
            {
                if (!nic.Supports(NetworkInterfaceComponent.IPv4))
                    continue;
                var index = nic.GetIPProperties().GetIPv4Properties().Index;
                foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
                {
                    if (unicast.Address.AddressFamily == AddressFamily.InterNetwork)
                        addresses.TryAdd(unicast.Address, index);
                }
            }

            _localAddresses = addresses;
            _readAt = time.GetTimestamp();
            return addresses;
        }
    }
}
