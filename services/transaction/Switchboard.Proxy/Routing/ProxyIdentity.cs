using System.Text;
using Switchboard.Contracts.Sip;
using Switchboard.Sip.Uris;

namespace Switchboard.Proxy.Routing;

/// <summary>
/// Whether a URI names this proxy (RFC 3261 §16.4: a Route or Request-URI value we placed): its host is one of our
/// names and its port, when written, one of our listening ports. Also builds our Via and Record-Route values.
/// </summary>
public sealed class ProxyIdentity
{
    private readonly HashSet<string> _names;
    private readonly ProxyOptions _options;

    public ProxyIdentity(ProxyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _names = new HashSet<string>(options.ServerNames.Select(Normalize), StringComparer.OrdinalIgnoreCase)
        {
            Normalize(options.AdvertisedHost),
        };
    }

    public string Host => _options.AdvertisedHost;

    public bool IsOurHost(string host) => _names.Contains(Normalize(host));

    /// <summary>A URI with our host and no port, or one of our ports.</summary>
    public bool IsUs(SipUri uri)
    {
        if (uri.Scheme is not (UriScheme.Sip or UriScheme.Sips) || !IsOurHost(uri.Host))
        {
            return false;
        }

        return uri.Port is not { } port || port == _options.UdpPort || port == _options.TcpPort || port == _options.TlsPort;
    }

    public bool IsUs(ReadOnlySpan<byte> uriText) => SipUri.TryParse(uriText, out SipUri? uri) && IsUs(uri);

    public int PortFor(SipTransport transport) => transport switch
    {
        SipTransport.Tcp => _options.TcpPort,
        SipTransport.Tls => _options.TlsPort,
        _ => _options.UdpPort,
    };

    /// <summary>Our Via value for a request leaving over <paramref name="transport"/>.</summary>
    public byte[] CreateVia(SipTransport transport, string branch) =>
        Encoding.ASCII.GetBytes($"SIP/2.0/{transport.ToViaToken()} {HostForHeader}:{PortFor(transport)};branch={branch}");

    /// <summary>
    /// Our Record-Route value facing a peer reached over <paramref name="transport"/>: always <c>lr</c> and the
    /// transport, plus a flow token when that peer can only be reached over the flow it came from (NAT).
    /// </summary>
    public byte[] CreateRecordRoute(SipTransport transport, string? flowToken)
    {
        string scheme = transport == SipTransport.Tls ? "sips" : "sip";
        string token = flowToken is null ? "" : $";{FlowToken.ParameterName}={flowToken}";
        return Encoding.ASCII.GetBytes(
            $"<{scheme}:{HostForHeader}:{PortFor(transport)};transport={transport.ToViaToken().ToLowerInvariant()};lr{token}>");
    }

    private string HostForHeader => _options.AdvertisedHost.Contains(':') && _options.AdvertisedHost[0] != '['
        ? $"[{_options.AdvertisedHost}]"
        : _options.AdvertisedHost;

    private static string Normalize(string host)
    {
        string name = host.Length > 1 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;
        return name.EndsWith('.') ? name[..^1] : name;
    }
}
