using System.Net;
using Switchboard.Contracts.Sip;

namespace Switchboard.Proxy.Transport;

/// <summary>
/// The locator without DNS: IP-literal hosts only, port defaulting to 5060 (5061 for TLS/sips) and the URI's
/// transport (TLS for sips). A name yields null; deployments that route to names inject the router's locator.
/// </summary>
public sealed class LiteralNextHopLocator : INextHopLocator
{
    public ValueTask<SendTarget?> LocateAsync(NextHop hop, CancellationToken cancellationToken)
    {
        string host = hop.Host.Length > 1 && hop.Host[0] == '[' && hop.Host[^1] == ']' ? hop.Host[1..^1] : hop.Host;
        if (!IPAddress.TryParse(host, out IPAddress? address))
        {
            return ValueTask.FromResult<SendTarget?>(null);
        }

        SipTransport? transport = hop.Secure ? SipTransport.Tls : hop.Transport;
        int port = hop.Port > 0 ? hop.Port : transport == SipTransport.Tls ? 5061 : 5060;
        return ValueTask.FromResult<SendTarget?>(SendTarget.ToAddress(new IPEndPoint(address, port), transport));
    }
}
