using System.Net;
using Switchboard.Contracts.Sip;

namespace Switchboard.Locating;

/// <summary>One place to send a request to; a locator returns them in the order to try (failover).</summary>
public sealed record SipServerTarget(SipTransport Transport, IPAddress Address, int Port)
{
    public override string ToString() => $"{Transport.ToString().ToUpperInvariant()} {new IPEndPoint(Address, Port)}";
}
