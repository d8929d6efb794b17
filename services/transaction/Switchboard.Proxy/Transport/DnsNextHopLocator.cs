using System.Net;
using Switchboard.Contracts.Sip;
using Switchboard.Locating;

namespace Switchboard.Proxy.Transport;

/// <summary>
/// RFC 3263 next-hop location: address literals go straight through (no DNS on the common path), names are
/// located by NAPTR → SRV → A/AAAA. The first target is used; failover to the next one on a transport error
/// or 503 (RFC 3263 §4.3) is not done by the proxy yet.
/// </summary>
public sealed class DnsNextHopLocator(ISipServerLocator locator) : INextHopLocator
{
    private readonly LiteralNextHopLocator _literal = new();

    public async ValueTask<SendTarget?> LocateAsync(NextHop hop, CancellationToken cancellationToken)
    {
        if (await _literal.LocateAsync(hop, cancellationToken).ConfigureAwait(false) is { } literal)
        {
            return literal;
        }

        var target = new SipUriTarget(hop.Secure, hop.Host.ToLowerInvariant(), hop.Port > 0 ? hop.Port : null, Transport(hop));
        IReadOnlyList<SipServerTarget> located = await locator.LocateAsync(target, cancellationToken).ConfigureAwait(false);
        return located.Count == 0
            ? null
            : SendTarget.ToAddress(new IPEndPoint(located[0].Address, located[0].Port), located[0].Transport);
    }

    // sips demands TLS on every hop (RFC 3261 §26.2.2), whatever transport parameter came with it.
    private static SipTransport? Transport(NextHop hop) => hop.Secure ? SipTransport.Tls : hop.Transport;
}
