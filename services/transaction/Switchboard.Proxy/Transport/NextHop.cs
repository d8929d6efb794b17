using Switchboard.Contracts.Sip;

namespace Switchboard.Proxy.Transport;

/// <summary>
/// Where a request goes next before RFC 3263: a host (name or address literal), an explicit port or -1, and the
/// transport the URI asks for (null: the locator or the edge picks).
/// </summary>
public readonly record struct NextHop(string Host, int Port, SipTransport? Transport, bool Secure)
{
    public override string ToString() => $"{Host}:{(Port < 0 ? "default" : Port)}" + (Transport is { } t ? $";transport={t.ToViaToken()}" : "");
}
