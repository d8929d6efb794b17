namespace Switchboard.Contracts.Sip;

/// <summary>The transports a SIP message can travel on (RFC 3261 §18).</summary>
public enum SipTransport : byte
{
    Udp = 0,
    Tcp = 1,
    Tls = 2,
}

public static class SipTransportNames
{
    /// <summary>The token used in Via and in the <c>transport</c> URI parameter.</summary>
    public static string ToViaToken(this SipTransport transport) => transport switch
    {
        SipTransport.Udp => "UDP",
        SipTransport.Tcp => "TCP",
        SipTransport.Tls => "TLS",
        _ => throw new ArgumentOutOfRangeException(nameof(transport)),
    };

    public static bool IsReliable(this SipTransport transport) => transport != SipTransport.Udp;
}
