using System.Globalization;
using System.Net;

using Switchboard.Contracts.Sip;

namespace Switchboard.Locating;

/// <summary>
/// The parts of a SIP URI that RFC 3263 needs: secure scheme, host, port and the transport parameter
/// (a maddr parameter, when present, replaces the host as RFC 3261 §8.1.2 says).
/// </summary>
public sealed record SipUriTarget(bool Secure, string Host, int? Port, SipTransport? Transport)
{
    public IPAddress? NumericHost => IPAddress.TryParse(Host.Trim('[', ']'), out var ip) ? ip : null;

    public static bool TryParse(string? uri, out SipUriTarget? target)
    {
        target = null;
        if (string.IsNullOrWhiteSpace(uri))
            return false;
        var text = uri.Trim().Trim('<', '>');
        bool secure;
        if (text.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
            (secure, text) = (true, text[5..]);
        else if (text.StartsWith("sip:", StringComparison.OrdinalIgnoreCase))
            (secure, text) = (false, text[4..]);
        else
            return false;
        var paramsAt = text.IndexOfAny([';', '?']);
        var hostPort = paramsAt < 0 ? text : text[..paramsAt];
        var parameters = paramsAt < 0 ? "" : text[paramsAt..];
        var headersAt = parameters.IndexOf('?');
        if (headersAt >= 0)
            parameters = parameters[..headersAt];
        hostPort = hostPort[(hostPort.LastIndexOf('@') + 1)..];
        if (!TrySplitHostPort(hostPort, out var host, out var port))
            return false;
        if (Parameter(parameters, "maddr") is { Length: > 0 } maddr)
            host = maddr;
        SipTransport? transport = null;
        if (Parameter(parameters, "transport") is { } name)
        {
            // sips demands TLS all the way, so an unreliable transport makes the URI unusable.
            if (!TryParseTransport(name, out var parsed) || (secure && parsed == SipTransport.Udp))
                return false;
            transport = secure && parsed == SipTransport.Tcp ? SipTransport.Tls : parsed;
        }
        target = new SipUriTarget(secure, host.ToLowerInvariant(), port, transport);
        return true;
    }

    private static bool TrySplitHostPort(string hostPort, out string host, out int? port)
    {
        port = null;
        host = hostPort;
        var colon = hostPort.StartsWith('[') ? hostPort.IndexOf(':', Math.Max(0, hostPort.IndexOf(']'))) : hostPort.IndexOf(':');
        if (colon >= 0)
        {
            host = hostPort[..colon];
            if (!int.TryParse(hostPort[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 65535)
                return false;
            port = value;
        }
        return host.Length > 0 && host.AsSpan().IndexOfAny(" \t<>@") < 0;
    }

    private static string? Parameter(string parameters, string name)
    {
        foreach (var part in parameters.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            var key = equals < 0 ? part : part[..equals];
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
                return equals < 0 ? "" : part[(equals + 1)..];
        }
        return null;
    }

    private static bool TryParseTransport(string name, out SipTransport transport)
    {
        // An unknown transport (sctp, ws...) makes the URI unreachable for us rather than silently UDP.
        (bool known, transport) = name.ToLowerInvariant() switch
        {
            "udp" => (true, SipTransport.Udp),
            "tcp" => (true, SipTransport.Tcp),
            "tls" => (true, SipTransport.Tls),
            _ => (false, default),
        };
        return known;
    }
}
