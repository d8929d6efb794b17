using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using Switchboard.Contracts.Sip;

namespace Switchboard.GatewayRegistrar.Gateways;

/// <summary>
/// The manual's "Gateway Domain": <c>host[:port][;transport=udp|tcp|tls]</c>. The host (without port) is the domain
/// of From/To; host[:port] is the Request-URI; a numeric host is used as it is, a name is located (RFC 3263).
/// </summary>
public sealed record GatewayAddress(string Host, int? Port, SipTransport? Transport)
{
    public IPAddress? NumericHost => IPAddress.TryParse(Host.Trim('[', ']'), out var ip) ? ip : null;

    /// <summary>host[:port], as it goes into the Request-URI.</summary>
    public string HostPort => Port is { } port ? $"{Host}:{port.ToString(CultureInfo.InvariantCulture)}" : Host;

    /// <summary>The Request-URI of REGISTER (RFC 3261 §10.2: the registrar's domain, no user part).</summary>
    public string RegistrarUri => Transport is { } transport
        ? $"sip:{HostPort};transport={transport.ToViaToken().ToLowerInvariant()}"
        : $"sip:{HostPort}";

    public static bool TryParse(string? text, [NotNullWhen(true)] out GatewayAddress? address)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        if (value.StartsWith("sip:", StringComparison.OrdinalIgnoreCase))
        {
            value = value[4..];
        }

        SipTransport? transport = null;
        var semicolon = value.IndexOf(';');
        if (semicolon >= 0)
        {
            if (!TryParseTransportParameter(value[(semicolon + 1)..], out transport))
            {
                return false;
            }

            value = value[..semicolon];
        }

        if (!TrySplitHostPort(value, out var host, out var port))
        {
            return false;
        }

        address = new GatewayAddress(host.ToLowerInvariant(), port, transport);
        return true;
    }

    public override string ToString() => Transport is { } t ? $"{HostPort};transport={t.ToViaToken().ToLowerInvariant()}" : HostPort;

    private static bool TrySplitHostPort(string value, out string host, out int? port)
    {
        port = null;
        host = value;
        var colon = value.StartsWith('[') ? value.IndexOf(':', Math.Max(0, value.IndexOf(']'))) : value.IndexOf(':');
        if ((colon >= 0 && value.IndexOf(':', colon + 1) < 0) || (value.StartsWith('[') && colon >= 0))
        {
            host = value[..colon];
            if (!int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
            {
                return false;
            }

            port = number;
        }

        return host.Length is > 0 and <= 253 && host.AsSpan().IndexOfAny(" \t\r\n<>@;,/\"") < 0;
    }

    private static bool TryParseTransportParameter(string parameter, out SipTransport? transport)
    {
        transport = parameter.Trim().ToLowerInvariant() switch
        {
            "transport=udp" => SipTransport.Udp,
            "transport=tcp" => SipTransport.Tcp,
            "transport=tls" => SipTransport.Tls,
            _ => null,
        };
        return transport is not null;
    }
}
