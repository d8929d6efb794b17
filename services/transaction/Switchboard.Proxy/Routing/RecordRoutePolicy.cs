using Switchboard.Contracts.Sip;
using Switchboard.Sip;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Uris;

namespace Switchboard.Proxy.Routing;

/// <summary>
/// RFC 3261 §16.6 step 4: whether the proxy stays in the dialog, and with which Record-Route values. We stay when
/// the manual's Force Relaying is on, when either party is reachable only over its flow (NAT, a connection to
/// reuse), and when the transport changes. In the last two cases two values are added (RFC 5658 double
/// record-routing): the top one faces the callee (its transport and flow), the second faces the caller, so each
/// side's in-dialog requests arrive on a URI of their own transport and the last of our Routes popped tells the
/// flow onward.
/// </summary>
public sealed class RecordRoutePolicy
{
    private const SipMethod DialogCreating = SipMethod.Invite | SipMethod.Subscribe | SipMethod.Refer;

    private readonly ProxyIdentity _identity;
    private readonly bool _forceRelaying;

    public RecordRoutePolicy(ProxyOptions options, ProxyIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(identity);
        _identity = identity;
        _forceRelaying = options.ForceRelaying;
    }

    /// <summary>
    /// The Record-Route values to add, in the order to add them (callee-facing first); empty: none. A call whose media
    /// we relay (<paramref name="mediaRelayed"/>) is record-routed like Force Relaying, so its BYE ends the relay.
    /// </summary>
    public IReadOnlyList<byte[]> Plan(SipMessage request, SipFlow source, SendTarget target, bool mediaRelayed = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((request.Method & DialogCreating) == 0 || HasToTag(request))
        {
            return [];
        }

        SipTransport outbound = target.Flow?.Transport ?? target.Transport ?? SipTransport.Udp;
        string? calleeToken = target.Flow is { } flow ? FlowToken.Encode(flow) : null;
        string? callerToken = IsCallerFlowBound(request, source) ? FlowToken.Encode(source) : null;
        bool transportChange = outbound != source.Transport;
        if (calleeToken is not null || callerToken is not null || transportChange)
        {
            return [_identity.CreateRecordRoute(outbound, calleeToken), _identity.CreateRecordRoute(source.Transport, callerToken)];
        }

        return _forceRelaying || mediaRelayed ? [_identity.CreateRecordRoute(outbound, null)] : [];
    }

    /// <summary>A caller on a connection, or whose Contact is not the address its request came from (NAT).</summary>
    public static bool IsCallerFlowBound(SipMessage request, SipFlow source)
    {
        if (source.IsReliable)
        {
            return true;
        }

        return request.TryGetFirst(HeaderKind.Contact, out SipHeader header) && request.TryGetContact(header, out SipContact contact)
            && !contact.IsStar && SipUri.TryParse(contact.Address.Uri.Of(request.Span), out SipUri? uri)
            && Targets.BindingTargets.IsBehindNat(uri, source);
    }

    private static bool HasToTag(SipMessage request) =>
        request.TryGetTo(out SipNameAddress to) && to.GetTag(request.Span).IsPresent;
}
