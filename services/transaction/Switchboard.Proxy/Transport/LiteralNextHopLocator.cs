using System.Net;
using Switchboard.Contracts.Sip;

namespace Switchboard.Proxy.Transport;

/// <summary>
/// The locator without DNS: IP-literal hosts only, port defaulting to 5060 (5061 for TLS/sips) and the URI's
/// transport (TLS for sips). A name yields null; deployments that route to names inject the router's locator.
/// </summary>
public sealed class LiteralNextHopLocator : INextHopLocator
{
    public ValueTask<SendTarget?> LocateAsync(NextHop hop, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Locate(hop));

    public ValueTask<IReadOnlyList<SendTarget>> LocateAllAsync(NextHop hop, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<SendTarget>>(Locate(hop) is { } target ? [target] : []);

    /// <summary>The one destination of an address literal, or null for a name.</summary>
    public static SendTarget? Locate(NextHop hop)
    {
        string host = hop.Host.Length > 1 && hop.Host[0] == '[' && hop.Host[^1] == ']' ? hop.Host[1..^1] : hop.Host;
        if (!IPAddress.TryParse(host, out IPAddress? address))
        {
            return null;
        }

        SipTransport? transport = hop.Secure ? SipTransport.Tls : hop.Transport;
        int port = hop.Port > 0 ? hop.Port : transport == SipTransport.Tls ? 5061 : 5060;
        return SendTarget.ToAddress(new IPEndPoint(address, port), transport);
    }
}
