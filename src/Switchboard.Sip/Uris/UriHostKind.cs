namespace Switchboard.Sip.Uris;

/// <summary>What the host part of a SIP URI is; <see cref="None"/> for tel and other schemes.</summary>
public enum UriHostKind : byte
{
    None,
    DomainName,
    IPv4,
    IPv6,
}
