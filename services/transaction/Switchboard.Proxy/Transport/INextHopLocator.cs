using Switchboard.Contracts.Sip;

namespace Switchboard.Proxy.Transport;

/// <summary>RFC 3263: turns a next hop into the address to send to. The router's locator plugs in here.</summary>
public interface INextHopLocator
{
    /// <summary>The first destination, or null when the host cannot be resolved (stateless sends: ACK, stray 2xx).</summary>
    ValueTask<SendTarget?> LocateAsync(NextHop hop, CancellationToken cancellationToken);

    /// <summary>
    /// Every destination in the order to try them (RFC 3263 §4.3: the next one after a transport error, a timeout
    /// or a 503); empty when the host cannot be resolved (the branch then fails with 503).
    /// </summary>
    ValueTask<IReadOnlyList<SendTarget>> LocateAllAsync(NextHop hop, CancellationToken cancellationToken);
}
