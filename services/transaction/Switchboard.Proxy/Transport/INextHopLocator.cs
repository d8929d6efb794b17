using Switchboard.Contracts.Sip;

namespace Switchboard.Proxy.Transport;

/// <summary>RFC 3263: turns a next hop into the address to send to. The router's locator plugs in here.</summary>
public interface INextHopLocator
{
    /// <summary>The destination, or null when the host cannot be resolved (the branch then fails with 503).</summary>
    ValueTask<SendTarget?> LocateAsync(NextHop hop, CancellationToken cancellationToken);
}
