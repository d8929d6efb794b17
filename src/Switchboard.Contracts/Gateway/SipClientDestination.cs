using Switchboard.Contracts.Sip;

namespace Switchboard.Contracts.Gateway;

/// <summary>
/// Where a client request goes: the next hop after RFC 3263 (the caller locates; <see cref="Host"/> is normally an IP
/// literal, a name is resolved by A/AAAA only), its port and transport.
/// </summary>
public sealed record SipClientDestination(string Host, int Port, SipTransport Transport)
{
    public override string ToString() =>
        $"{(Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host)}:{Port};transport={Transport.ToViaToken().ToLowerInvariant()}";
}
