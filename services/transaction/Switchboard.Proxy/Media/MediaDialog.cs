using Switchboard.Contracts.Media;

namespace Switchboard.Proxy.Media;

/// <summary>
/// A call whose media this proxy relays: both sides' networks by tag, the offer the relay still waits an answer
/// for (a late offer answered in the ACK, or one in a reliable 1xx answered in the PRACK), and its loop-table entry.
/// Mutable fields are guarded by the instance lock.
/// </summary>
internal sealed class MediaDialog(string callId, string callerTag, MediaNetwork callerNetwork, MediaNetwork calleeNetwork, long created)
{
    private readonly Lock _gate = new();
    private string? _pendingOfferer;
    private (string Tag, byte[] Sdp)? _provisionalOffer;

    public string CallId { get; } = callId;

    /// <summary>The initial INVITE's From tag.</summary>
    public string CallerTag { get; } = callerTag;

    public MediaNetwork CallerNetwork { get; } = callerNetwork;

    public MediaNetwork CalleeNetwork { get; } = calleeNetwork;

    public long Created { get; } = created;

    /// <summary>The initial offer as recorded for loop detection (null for a late offer).</summary>
    public RelayedOffer? Loop { get; init; }

    /// <summary>The tag of the side whose offer (in a 2xx) waits for its answer (in the ACK).</summary>
    public string? PendingOfferer
    {
        get { lock (_gate) { return _pendingOfferer; } }
        set { lock (_gate) { _pendingOfferer = value; } }
    }

    /// <summary>Takes the pending offerer, so only one ACK answers it.</summary>
    public string? TakePendingOfferer()
    {
        lock (_gate)
        {
            string? tag = _pendingOfferer;
            _pendingOfferer = null;
            return tag;
        }
    }

    /// <summary>
    /// The answer to a pending offer, taken by the side <paramref name="answerer"/> (a PRACK's sender): the offerer's
    /// tag, or null when no offer waits or it is the answerer's own (then the SDP is a new offer).
    /// </summary>
    public string? TakePendingOffererOtherThan(string answerer)
    {
        lock (_gate)
        {
            string? tag = _pendingOfferer;
            if (tag is null || tag == answerer)
            {
                return null;
            }

            _pendingOfferer = null;
            return tag;
        }
    }

    /// <summary>
    /// An offer in a reliable provisional response (RFC 3262) from <paramref name="tag"/>: it waits for the PRACK's
    /// answer. False for a retransmission of the offer already seen (answered or not), which opens nothing new.
    /// </summary>
    public bool OfferInProvisional(string tag, ReadOnlySpan<byte> sdp)
    {
        lock (_gate)
        {
            if (RepeatsLocked(tag, sdp))
            {
                return false;
            }

            _provisionalOffer = (tag, sdp.ToArray());
            _pendingOfferer = tag;
            return true;
        }
    }

    /// <summary>The 2xx repeats the SDP its side offered in a reliable 1xx: not a new offer (RFC 6337 §3.1.1).</summary>
    public bool RepeatsProvisionalOffer(string tag, ReadOnlySpan<byte> sdp)
    {
        lock (_gate)
        {
            return RepeatsLocked(tag, sdp);
        }
    }

    private bool RepeatsLocked(string tag, ReadOnlySpan<byte> sdp) =>
        _provisionalOffer is { } offer && offer.Tag == tag && sdp.SequenceEqual(offer.Sdp);

    /// <summary>The network of the side with <paramref name="tag"/>.</summary>
    public MediaNetwork NetworkOf(string tag) => tag == CallerTag ? CallerNetwork : CalleeNetwork;

    /// <summary>The network of the other side than <paramref name="tag"/>: where its SDP is sent.</summary>
    public MediaNetwork OtherThan(string tag) => tag == CallerTag ? CalleeNetwork : CallerNetwork;
}
