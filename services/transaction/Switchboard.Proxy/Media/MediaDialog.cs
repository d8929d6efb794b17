using Switchboard.Contracts.Media;

namespace Switchboard.Proxy.Media;

/// <summary>
/// A call whose media this proxy relays: both sides' networks by tag, the offer the relay still waits an answer
/// for (a late offer answered in the ACK), and its loop-table entry. Mutable fields are guarded by the instance lock.
/// </summary>
internal sealed class MediaDialog(string callId, string callerTag, MediaNetwork callerNetwork, MediaNetwork calleeNetwork, long created)
{
    private readonly Lock _gate = new();
    private string? _pendingOfferer;

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

    /// <summary>The network of the side with <paramref name="tag"/>.</summary>
    public MediaNetwork NetworkOf(string tag) => tag == CallerTag ? CallerNetwork : CalleeNetwork;

    /// <summary>The network of the other side than <paramref name="tag"/>: where its SDP is sent.</summary>
    public MediaNetwork OtherThan(string tag) => tag == CallerTag ? CalleeNetwork : CallerNetwork;
}
