namespace Switchboard.Protos.Clients;

/// <summary>How <see cref="MediaRelayPicker"/> finds media-proxy instances and how long it remembers things.</summary>
public sealed class MediaRelayPickerOptions
{
    /// <summary>The name the instances are registered under (Consul, or <c>Services:media-proxy:Endpoints</c>).</summary>
    public string ServiceName { get; set; } = "media-proxy";

    /// <summary>
    /// Meta key with the instance's gRPC (h2c) port. An instance that registers its HTTP/1.1 port with Consul sets it;
    /// without it the registered port is used (static endpoints name the gRPC port directly).
    /// </summary>
    public string GrpcPortMetaKey { get; set; } = "grpc_port";

    /// <summary>How long a resolved instance list is reused before the locator is asked again.</summary>
    public TimeSpan InstanceListDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long an instance that failed a call is skipped for new calls.</summary>
    public TimeSpan DownDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A call's pinned instance is forgotten after this long without control traffic. Rendezvous hashing sends the
    /// call to the same instance anyway while the instance set is unchanged; the pin only matters when it changes.
    /// </summary>
    public TimeSpan AffinityIdleTimeout { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Deadline of one control call.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(3);
}
