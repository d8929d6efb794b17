namespace Switchboard.Protos.Clients;

/// <summary>Settings of the gRPC client adapters that multiplex calls over one long-lived stream.</summary>
public sealed class StreamingClientOptions
{
    /// <summary>How long one call waits for its answer (queueing, reconnecting and the server included).</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First wait before reopening a broken stream; doubles per failed attempt.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an IsLocalDomain answer is reused; zero disables the cache.</summary>
    public TimeSpan LocalDomainCacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}
