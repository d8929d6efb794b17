using System.Net;
using Switchboard.Contracts.Sip;
using Switchboard.Locating;

namespace Switchboard.Proxy.Transport;

/// <summary>
/// RFC 3263 next-hop location: address literals go straight through (no DNS on the common path), names are
/// located by NAPTR → SRV → A/AAAA. The proxy sends to the first target and fails over to the next ones in order
/// (§4.3, see <see cref="ProxyOptions.MaxServerTargets"/>); stateless sends use the first.
/// </summary>
public sealed class DnsNextHopLocator(ISipServerLocator locator) : INextHopLocator
{
    public async ValueTask<SendTarget?> LocateAsync(NextHop hop, CancellationToken cancellationToken)
    {
        IReadOnlyList<SendTarget> all = await LocateAllAsync(hop, cancellationToken).ConfigureAwait(false);
        return all.Count == 0 ? null : all[0];
    }

    public async ValueTask<IReadOnlyList<SendTarget>> LocateAllAsync(NextHop hop, CancellationToken cancellationToken)
    {
        if (LiteralNextHopLocator.Locate(hop) is { } literal)
        {
            return [literal];
        }

        var target = new SipUriTarget(hop.Secure, hop.Host.ToLowerInvariant(), hop.Port > 0 ? hop.Port : null, Transport(hop));
        IReadOnlyList<SipServerTarget> located = await locator.LocateAsync(target, cancellationToken).ConfigureAwait(false);
        var targets = new SendTarget[located.Count];
        for (int i = 0; i < targets.Length; i++)
        {
            targets[i] = SendTarget.ToAddress(new IPEndPoint(located[i].Address, located[i].Port), located[i].Transport);
        }

        return targets;
    }

    // sips demands TLS on every hop (RFC 3261 §26.2.2), whatever transport parameter came with it.
    private static SipTransport? Transport(NextHop hop) => hop.Secure ? SipTransport.Tls : hop.Transport;
}
