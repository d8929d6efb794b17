using System.Net;
using Microsoft.Extensions.Configuration;

namespace Switchboard.Hosting.Discovery;

public static class ContainerReplicaConfiguration
{
    public const string ContainerName = "container-name";
    public const string Container = "container";

    /// <summary>
    /// For replicas started by <c>docker compose up --scale</c> with one shared environment:
    /// <c>&lt;section&gt;:PortRangeSlotFrom=container-name</c> sets <c>&lt;section&gt;:PortRangeSlot</c> to the replica
    /// index of the container's name, and <c>&lt;section&gt;:LanAddressFrom=container</c> sets
    /// <c>&lt;section&gt;:LanAddress</c> to the container's own address. Without the index the process refuses to
    /// start (two replicas guessing the same slice would hand out the same published ports).
    /// </summary>
    /// <param name="ownName">The container's name (default: reverse DNS of its own address).</param>
    /// <param name="ownAddress">The container's address (default: its first IPv4 address).</param>
    public static IConfigurationBuilder AddContainerReplicaSettings(this IConfigurationManager configuration, string section,
        Func<string?>? ownName = null, Func<IPAddress?>? ownAddress = null)
    {
        var settings = new Dictionary<string, string?>();
        if (string.Equals(configuration[$"{section}:PortRangeSlotFrom"], ContainerName, StringComparison.OrdinalIgnoreCase))
        {
            var name = (ownName ?? ContainerReplica.OwnName)();
            var index = ContainerReplica.IndexFromName(name)
                ?? throw new InvalidOperationException(
                    $"{section}:PortRangeSlotFrom=container-name, but the container name '{name ?? "(none)"}' ends in no replica index; " +
                    $"set {section}:PortRangeSlot instead");
            settings[$"{section}:PortRangeSlot"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (string.Equals(configuration[$"{section}:LanAddressFrom"], Container, StringComparison.OrdinalIgnoreCase))
        {
            var address = (ownAddress ?? ContainerReplica.OwnAddress)()
                ?? throw new InvalidOperationException($"{section}:LanAddressFrom=container, but this host has no IPv4 address");
            settings[$"{section}:LanAddress"] = address.ToString();
        }
        return settings.Count == 0 ? configuration : configuration.AddInMemoryCollection(settings);
    }
}
