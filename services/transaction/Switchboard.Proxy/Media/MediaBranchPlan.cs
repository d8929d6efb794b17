using Switchboard.Contracts.Media;
using Switchboard.Contracts.Sip;

namespace Switchboard.Proxy.Media;

/// <summary>
/// The media side of one branch: whether its media go through the relay (then the proxy must Record-Route), the
/// callee's network, the SDP body to send instead of the received one (null: unchanged), or a status to fail the
/// branch with when the relay could not be had and the options say so (0: none).
/// </summary>
internal readonly record struct MediaBranchPlan(bool Relayed, MediaNetwork CalleeNetwork, byte[]? Body, int RejectStatus)
{
    /// <summary>Where the branch goes (its first server): a media-timeout BYE to the callee goes there too.</summary>
    public SendTarget? Destination { get; init; }
}
