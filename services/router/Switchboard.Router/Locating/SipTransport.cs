namespace Switchboard.Router.Locating;

public enum SipTransport
{
    Udp,
    Tcp,
    Tls,
    Sctp,
}
