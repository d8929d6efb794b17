using System.Net;

namespace Switchboard.Proxy.Security;

/// <summary>
/// Which sources are the configured external gateways (issue 8: only their addresses are trusted as inbound gateway
/// traffic) and which Request-URI users are inbound gateway numbers (DIDs).
/// </summary>
public interface IGatewayTrust
{
    /// <summary>True when <paramref name="source"/> is a resolved address of a configured, enabled gateway.</summary>
    bool IsGatewaySource(IPAddress source);

    /// <summary>True when <paramref name="user"/> (a Request-URI user) is a DID routed from the gateway to a local account.</summary>
    bool IsGatewayNumber(string user);
}
