using Switchboard.Proxy.Forwarding;
using Switchboard.Proxy.Routing;
using Switchboard.Sip;
using Switchboard.Sip.Headers;

namespace Switchboard.Proxy.Validation;

/// <summary>
/// Loop detection in the spirit of RFC 3261 §16.3 step 4 and RFC 5393: our branch carries a hash of the fields
/// that decide routing. A request holding one of our Vias whose hash equals the hash of the request now is the
/// same request come back: a loop (482). A different hash is a spiral (e.g. a changed Request-URI), which is fine.
/// The top Via is left out of the hash on purpose: a looped request always arrives with a different one.
/// </summary>
public sealed class LoopDetector
{
    private readonly ProxyIdentity _identity;

    public LoopDetector(ProxyIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        _identity = identity;
    }

    /// <summary>Request-URI, From tag, To tag, Call-ID, CSeq number, Route, Proxy-Require and Proxy-Authorization.</summary>
    public static ulong ComputeHash(SipMessage request)
    {
        ReadOnlySpan<byte> buffer = request.Span;
        var high = new HashCode();
        var low = new HashCode();
        high.AddBytes(request.GetSpan(request.RequestUri));
        if (request.TryGetFrom(out SipNameAddress from))
        {
            low.AddBytes(from.GetTag(buffer).Of(buffer));
        }

        if (request.TryGetTo(out SipNameAddress to))
        {
            low.AddBytes(to.GetTag(buffer).Of(buffer));
        }

        if (request.TryGetCallId(out SipRange callId))
        {
            high.AddBytes(callId.Of(buffer));
        }

        if (request.TryGetCSeq(out SipCSeq cseq))
        {
            low.Add(cseq.Number);
        }

        foreach (SipHeader header in request.Headers)
        {
            if (header.Kind is HeaderKind.Route or HeaderKind.ProxyRequire or HeaderKind.ProxyAuthorization)
            {
                high.Add((int)header.Kind);
                high.AddBytes(header.Value.Of(buffer));
            }
        }

        return ((ulong)(uint)high.ToHashCode() << 32) | (uint)low.ToHashCode();
    }

    public bool IsLoop(SipMessage request, ulong loopHash)
    {
        ReadOnlySpan<byte> buffer = request.Span;
        foreach (SipHeader header in request.GetHeaders(HeaderKind.Via))
        {
            if (request.TryGetVia(header, out SipVia via) && _identity.IsOurHost(request.GetString(via.Host)!)
                && BranchIds.TryGetLoopHash(via.Branch.Of(buffer), out ulong seen) && seen == loopHash)
            {
                return true;
            }
        }

        return false;
    }
}
