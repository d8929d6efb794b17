using System.Globalization;
using System.Net;
using Switchboard.Contracts.Registrar;
using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Routing;
using Switchboard.Sip.Uris;

namespace Switchboard.Proxy.Targets;

/// <summary>
/// A registrar binding as a target: Request-URI = the Contact; the flow is used when the Contact's address is not
/// the one the REGISTER came from (NAT) or the device registered over a connection (TCP/TLS, which we must reuse); a Path
/// set routes through the edge proxy that registered it, which then owns the flow.
/// </summary>
public static class BindingTargets
{
    public static ProxyTarget? From(ContactBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        if (!SipUri.TryParse(binding.ContactUri, out SipUri? contact))
        {
            return null;
        }

        if (binding.Path.Count > 0)
        {
            return new ProxyTarget(contact, binding.QThousandths, null, binding.Path);
        }

        SipFlow? flow = ToSipFlow(binding.Flow);
        bool useFlow = flow is { } f && (f.IsReliable || IsRegisteredBehindNat(contact, f));
        return new ProxyTarget(contact, binding.QThousandths, useFlow ? flow : null, []);
    }

    /// <summary>The Contact names another address or port than the one the request came from (a caller's NAT).</summary>
    public static bool IsBehindNat(SipUri contact, SipFlow flow) =>
        !IsSameAddress(contact, flow) || contact.EffectivePort != flow.Remote.Port;

    /// <summary>
    /// A binding is behind NAT when its Contact names another address than the REGISTER came from, or a name. Only
    /// the port differing is not NAT here: it is a registration made from another socket of the same host (SIPp's
    /// callee registered by a helper, a soft phone's second line), and the Contact is where that device listens.
    /// </summary>
    public static bool IsRegisteredBehindNat(SipUri contact, SipFlow flow) => !IsSameAddress(contact, flow);

    private static bool IsSameAddress(SipUri contact, SipFlow flow)
    {
        string host = contact.Host.Length > 1 && contact.Host[0] == '[' ? contact.Host[1..^1] : contact.Host;
        return IPAddress.TryParse(host, out IPAddress? address) && Unmap(address).Equals(Unmap(flow.Remote.Address));
    }

    public static SipFlow? ToSipFlow(RegistrationFlow? flow)
    {
        if (flow is null || !FlowToken.TryParseTransport(flow.Transport, out SipTransport transport)
            || !IPAddress.TryParse(flow.LocalAddress, out IPAddress? local) || !IPAddress.TryParse(flow.RemoteAddress, out IPAddress? remote))
        {
            return null;
        }

        long connection = long.TryParse(flow.ConnectionId, NumberStyles.None, CultureInfo.InvariantCulture, out long id) ? id : SipFlow.NoConnection;
        return new SipFlow(flow.EdgeId, transport, new IPEndPoint(local, flow.LocalPort), new IPEndPoint(remote, flow.RemotePort), connection);
    }

    private static IPAddress Unmap(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
