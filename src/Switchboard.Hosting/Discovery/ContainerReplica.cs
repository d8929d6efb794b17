using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.Hosting.Discovery;

/// <summary>
/// Who this container is among the replicas of one Compose service. Compose names replicas
/// <c>&lt;project&gt;-&lt;service&gt;-&lt;N&gt;</c> (v1: <c>_</c>) and gives them all the same environment; Docker's
/// embedded DNS answers a reverse (PTR) query for a container's own address with <c>&lt;name&gt;.&lt;network&gt;</c>,
/// so the trailing N, the 1-based replica index, is the one thing a replica can learn about itself.
/// </summary>
public static class ContainerReplica
{
    /// <summary>N from <c>project-media-proxy-3.project_default</c> (or <c>project_media-proxy_3</c>); null without one.</summary>
    public static int? IndexFromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var label = name.Split('.', 2)[0];
        var cut = label.LastIndexOfAny(['-', '_']);
        if (cut <= 0 || cut == label.Length - 1)
        {
            return null;
        }
        var digits = label.AsSpan(cut + 1);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index > 0 ? index : null;
    }

    /// <summary>This host's first IPv4 address (a container has one per network), or null.</summary>
    public static IPAddress? OwnAddress() =>
        Dns.GetHostAddresses(Dns.GetHostName())
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));

    /// <summary>The name the DNS gives this host's own address (the container name under Docker), or null.</summary>
    public static string? OwnName()
    {
        if (OwnAddress() is not { } address)
        {
            return null;
        }
        try
        {
            return Dns.GetHostEntry(address).HostName;
        }
        catch (SocketException)
        {
            return null; // no PTR record: not under Docker's DNS
        }
    }
}
