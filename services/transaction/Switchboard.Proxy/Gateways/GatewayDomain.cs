using System.Globalization;

namespace Switchboard.Proxy.Gateways;

/// <summary>A gateway's Domain setting, <c>host</c>, <c>host:port</c> or <c>[v6]:port</c>, compared with a URI's host and port.</summary>
public static class GatewayDomain
{
    public static (string Host, int? Port) Split(string domain)
    {
        string text = domain.Trim();
        int close = text.StartsWith('[') ? text.IndexOf(']') : -1;
        int colon = close >= 0 ? text.IndexOf(':', close) : text.IndexOf(':');
        if (colon > 0 && text.IndexOf(':', colon + 1) < 0
            && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port))
        {
            return (Unbracket(text[..colon]), port);
        }

        return (Unbracket(text), null);
    }

    /// <summary>Same host (case-insensitive, brackets ignored); a port on either side must match the other's (5060 when absent).</summary>
    public static bool Matches(string domain, string host, int? port)
    {
        var (gatewayHost, gatewayPort) = Split(domain);
        if (!string.Equals(gatewayHost, Unbracket(host), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return gatewayPort is null && port is null || (gatewayPort ?? 5060) == (port ?? 5060);
    }

    private static string Unbracket(string host) =>
        host.Length > 1 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host.TrimEnd('.');
}
