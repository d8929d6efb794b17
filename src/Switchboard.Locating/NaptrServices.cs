using Switchboard.Contracts.Sip;

namespace Switchboard.Locating;

/// <summary>NAPTR service fields of RFC 3263 §4.1 and the SRV prefixes of its fallback.</summary>
internal static class NaptrServices
{
    public static bool TryGetTransport(string service, bool secure, out SipTransport transport)
    {
        // SCTP (SIP+D2S) is not a transport we speak, so such records are skipped.
        (bool known, transport) = service.ToUpperInvariant() switch
        {
            "SIPS+D2T" => (true, SipTransport.Tls),
            "SIP+D2U" when !secure => (true, SipTransport.Udp),
            "SIP+D2T" when !secure => (true, SipTransport.Tcp),
            _ => (false, default),
        };
        return known;
    }

    public static string SrvPrefix(SipTransport transport) => transport switch
    {
        SipTransport.Udp => "_sip._udp.",
        SipTransport.Tcp => "_sip._tcp.",
        _ => "_sips._tcp.",
    };

    public static int DefaultPort(SipTransport transport) => transport == SipTransport.Tls ? 5061 : 5060;

    /// <summary>Transports we try by SRV when there is no NAPTR (sips: TLS only).</summary>
    public static SipTransport[] Fallback(bool secure) =>
        secure ? [SipTransport.Tls] : [SipTransport.Udp, SipTransport.Tcp, SipTransport.Tls];
}
