namespace Switchboard.Router.Locating;

/// <summary>NAPTR service fields of RFC 3263 §4.1 and the SRV prefixes of its fallback.</summary>
internal static class NaptrServices
{
    public static bool TryGetTransport(string service, bool secure, out SipTransport transport)
    {
        transport = service.ToUpperInvariant() switch
        {
            "SIPS+D2T" => SipTransport.Tls,
            "SIP+D2U" when !secure => SipTransport.Udp,
            "SIP+D2T" when !secure => SipTransport.Tcp,
            "SIP+D2S" when !secure => SipTransport.Sctp,
            _ => (SipTransport)(-1),
        };
        return transport >= 0;
    }

    public static string SrvPrefix(SipTransport transport) => transport switch
    {
        SipTransport.Udp => "_sip._udp.",
        SipTransport.Tcp => "_sip._tcp.",
        SipTransport.Tls => "_sips._tcp.",
        _ => "_sip._sctp.",
    };

    public static int DefaultPort(SipTransport transport) => transport == SipTransport.Tls ? 5061 : 5060;

    /// <summary>Transports we try by SRV when there is no NAPTR (sips: TLS only).</summary>
    public static SipTransport[] Fallback(bool secure) =>
        secure ? [SipTransport.Tls] : [SipTransport.Udp, SipTransport.Tcp, SipTransport.Tls];
}
