using System.Net;
using Switchboard.Contracts.Media;
using Switchboard.Contracts.Sip;

namespace Switchboard.Proxy.Media;

/// <summary>
/// The manual's detection: a session-initiation request sent from one side of the NAT to the other (LAN → WAN or
/// WAN → LAN) gets a media relay; with Force Relaying every call does. The caller's side is the address its request
/// came from (what Via received records), the callee's side the address the branch goes to (its binding's flow
/// when it registered from behind a NAT, else the located next hop).
/// </summary>
public sealed class MediaRelayPolicy
{
    private readonly MediaNetworks _networks;
    private readonly bool _forceRelaying;

    public MediaRelayPolicy(MediaNetworks networks, bool forceRelaying)
    {
        ArgumentNullException.ThrowIfNull(networks);
        _networks = networks;
        _forceRelaying = forceRelaying;
    }

    public bool ForceRelaying => _forceRelaying;

    public MediaNetwork CallerNetwork(SipFlow source) => _networks.Classify(source.Remote.Address);

    public MediaNetwork CalleeNetwork(SendTarget destination) => _networks.Classify(AddressOf(destination));

    public MediaNetwork Classify(IPAddress? address) => _networks.Classify(address);

    public bool ShouldRelay(MediaNetwork caller, MediaNetwork callee) => _forceRelaying || caller != callee;

    private static IPAddress? AddressOf(SendTarget destination) =>
        destination.Flow?.Remote.Address ?? destination.Destination?.Address;
}
