using System.Net;
using Microsoft.Extensions.Configuration;
using Switchboard.Hosting.Discovery;

namespace Switchboard.Hosting.Tests;

public sealed class ContainerReplicaTests
{
    [Theory]
    [InlineData("switchboard-media-proxy-3.switchboard_default", 3)]
    [InlineData("switchboard-media-proxy-12", 12)]
    [InlineData("switchboard_media-proxy_2.switchboard_default", 2)]
    [InlineData("3f2a9c1b7d10", null)]
    [InlineData("media-proxy-", null)]
    [InlineData("media-proxy-0", null)]
    [InlineData("media-proxy-x1", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void The_replica_index_is_the_number_ending_the_container_name(string? name, int? expected) =>
        Assert.Equal(expected, ContainerReplica.IndexFromName(name));

    [Fact]
    public void Slot_and_lan_address_come_from_the_container_when_asked()
    {
        var configuration = Configuration(("MediaProxy:PortRangeSlotFrom", "container-name"), ("MediaProxy:LanAddressFrom", "container"),
            ("MediaProxy:PortRangeSlot", "1"), ("MediaProxy:LanAddress", "127.0.0.1"));

        configuration.AddContainerReplicaSettings("MediaProxy", () => "sb-media-proxy-2.sb_default", () => IPAddress.Parse("172.18.0.7"));

        Assert.Equal(("2", "172.18.0.7"), (configuration["MediaProxy:PortRangeSlot"], configuration["MediaProxy:LanAddress"]));
    }

    [Fact]
    public void Without_the_from_settings_nothing_is_looked_up_or_changed()
    {
        var configuration = Configuration(("MediaProxy:PortRangeSlot", "4"));

        configuration.AddContainerReplicaSettings("MediaProxy",
            () => throw new InvalidOperationException("looked up"), () => throw new InvalidOperationException("looked up"));

        Assert.Equal(("4", null), (configuration["MediaProxy:PortRangeSlot"], configuration["MediaProxy:LanAddress"]));
    }

    [Fact]
    public void A_name_without_an_index_refuses_to_start_with_the_name_in_the_message()
    {
        var configuration = Configuration(("MediaProxy:PortRangeSlotFrom", "container-name"));

        var error = Assert.Throws<InvalidOperationException>(() =>
            configuration.AddContainerReplicaSettings("MediaProxy", () => "3f2a9c1b7d10", () => null));

        Assert.Contains("'3f2a9c1b7d10'", error.Message);
        Assert.Contains("MediaProxy:PortRangeSlot", error.Message);
    }

    private static ConfigurationManager Configuration(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        return configuration;
    }
}
