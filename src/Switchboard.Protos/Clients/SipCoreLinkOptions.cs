namespace Switchboard.Protos.Clients;

/// <summary>How an edge reaches the transaction service over the long-lived SipCore stream.</summary>
public sealed class SipCoreLinkOptions
{
    public const string Section = "SipCoreLink";

    /// <summary>The transaction service's gRPC (h2c) address, e.g. http://127.0.0.1:9202.</summary>
    public string Address { get; set; } = "http://127.0.0.1:9202";

    /// <summary>Messages waiting to cross; past it new inbound messages are dropped (and counted), like a full UDP queue.</summary>
    public int QueueCapacity { get; set; } = 16_384;

    /// <summary>Most messages carried by one stream frame.</summary>
    public int MaxBatch { get; set; } = 128;

    /// <summary>
    /// Shortest time between two frames while messages keep coming (each frame is a flush and a wake-up on the
    /// other side); what arrives meanwhile rides in the next frame. Zero sends a frame whenever one is waiting.
    /// </summary>
    public TimeSpan BatchInterval { get; set; } = TimeSpan.FromMilliseconds(1);

    /// <summary>First reconnect delay; doubles up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(5);
}
