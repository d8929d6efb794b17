using Switchboard.Router.Addressing;
using Switchboard.Router.Routing;

namespace Switchboard.Router.Resolution;

/// <summary>Resolves an address through Router records, aliases and forwarders.</summary>
public interface IAddressResolver
{
    /// <param name="address">"user@domain", a "sip:"/"sips:" URI or a bare user part.</param>
    /// <param name="traffic">Which Router records apply: <c>RealTime</c> for SIP requests, <c>Access</c> for logins.</param>
    AddressResolution Resolve(string address, RouterTraffic traffic = RouterTraffic.RealTime);
}
