namespace Switchboard.Router.Routing;

/// <summary>
/// The kinds of traffic a Router record applies to (CommuniGate Pro record prefixes).
/// A record without a prefix applies to all. SIP requests resolve as <see cref="RealTime"/>, so both
/// <c>Signal:</c> and <c>Live:</c> records apply to them (the SIP module manual uses <c>Live:</c> for
/// "all SIP requests" to a gateway); logins and REGISTER use <see cref="Access"/>.
/// </summary>
[Flags]
public enum RouterTraffic
{
    None = 0,
    Mail = 1,
    Access = 2,
    Signal = 4,
    Live = 8,
    RealTime = Signal | Live,
    All = Mail | Access | Signal | Live,
}
