using System.Text;
using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Forwarding;
using Switchboard.Proxy.Routing;
using Switchboard.Proxy.Targets;
using Switchboard.Proxy.Transport;
using Switchboard.Proxy.Validation;
using Switchboard.Sip;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Uris;

namespace Switchboard.Proxy;

/// <summary>
/// Stateless forwarding (RFC 3261 §16.11, RFC 6026 §7.2): the ACK for a 2xx goes end to end along the route set;
/// a 2xx that matches no client transaction (a retransmission after the transaction ended) goes to the next Via.
/// </summary>
public sealed partial class SipProxy
{
    private async ValueTask<ProxyOutcome> ForwardAckAsync(ProxyRequest request, CancellationToken cancellationToken)
    {
        SipMessage ack = request.Message;
        ulong loopHash = LoopDetector.ComputeHash(ack);
        if (_validator.Validate(ack, loopHash) is not null || !ack.TryGetVia(out SipVia via))
        {
            return ProxyOutcome.Dropped; // an ACK is never answered
        }

        RouteProcessing routing = _routes.Process(ack);
        var decision = await _security.CheckAsync(ack, request.Source, routing, inDialog: true, cancellationToken).ConfigureAwait(false);
        SipUri? uri = routing.RestoredRequestUri;
        if (!decision.Allowed || (uri is null && !SipUri.TryParse(ack.GetSpan(ack.RequestUri), out uri)))
        {
            return ProxyOutcome.Dropped;
        }

        ProxyTarget target = ProxyTarget.ForUri(uri);
        HopPlan hop = NextHopPlanner.Plan(routing, target, uri);
        SendTarget? destination = hop.Direct ?? await _services.Locator.LocateAsync(hop.Hop, cancellationToken).ConfigureAwait(false);
        if (destination is not { } send)
        {
            return ProxyOutcome.Dropped;
        }

        SipTransport transport = send.Flow?.Transport ?? send.Transport ?? SipTransport.Udp;
        string branch = _services.Branches.CreateStateless(loopHash, via.Branch.Of(ack.Span));
        var plan = new ForwardPlan(routing, target, _services.Identity.CreateVia(transport, branch), [], transport.IsReliable())
        {
            Body = _services.Media is { } media ? await media.RewriteAckAsync(ack, cancellationToken).ConfigureAwait(false) : null,
        };
        _services.Transport.SendStateless(RequestForwarder.Forward(ack, plan), send);
        _services.Metrics.RequestForwarded("ACK");
        return ProxyOutcome.Forwarded;
    }

    /// <summary>A response no client transaction took: a 2xx to an INVITE whose top Via is ours goes on statelessly.</summary>
    public async ValueTask<bool> ForwardStrayResponseAsync(SipMessage response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode is < 200 or >= 300 || !response.TryGetCSeq(out SipCSeq cseq) || cseq.Method != SipMethod.Invite
            || !IsOurTopVia(response) || NextVia(response) is not { } next)
        {
            return false;
        }

        SendTarget? destination = await _services.Locator.LocateAsync(next, cancellationToken).ConfigureAwait(false);
        if (destination is not { } send)
        {
            return false;
        }

        if (_services.Media is { } media && await media.RewriteStrayResponseAsync(response, cancellationToken).ConfigureAwait(false) is { } rewritten)
        {
            response = new SipMessage();
            if (!_services.Parser.TryParseFramed(rewritten, response, out _))
            {
                return false;
            }
        }

        bool sent = _services.Transport.SendStateless(ResponseForwarder.Forward(response), send);
        if (sent)
        {
            _services.Metrics.ResponseSent(response.StatusCode);
        }

        return sent;
    }

    private bool IsOurTopVia(SipMessage response) =>
        response.TryGetVia(out SipVia top) && top.Branch.Of(response.Span).StartsWith(Encoding.ASCII.GetBytes(BranchIds.Prefix))
        && _services.Identity.IsOurHost(response.GetString(top.Host)!);

    /// <summary>RFC 3261 §18.2.2 / RFC 3581: the second Via's received (else host) and rport (else port).</summary>
    private static NextHop? NextVia(SipMessage response)
    {
        bool first = true;
        foreach (SipHeader header in response.GetHeaders(HeaderKind.Via))
        {
            if (first)
            {
                first = false;
                continue;
            }

            if (!response.TryGetVia(header, out SipVia via))
            {
                return null;
            }

            string host = response.GetString(via.Received.IsPresent ? via.Received : via.Host)!;
            int port = via.HasRport && via.Rport > 0 ? via.Rport : via.Port;
            SipTransport? transport = FlowToken.TryParseTransport(response.GetString(via.Transport), out SipTransport t) ? t : null;
            return new NextHop(host, port, transport, false);
        }

        return null;
    }
}
