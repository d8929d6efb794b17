using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Media;
using Switchboard.Contracts.Sip;
using Switchboard.Sip;

namespace Switchboard.Proxy.Media;

/// <summary>
/// The media side of one INVITE/UPDATE response context. An initial INVITE's offer goes to the relay once (on the
/// first branch that needs it; every relayed branch gets the same SDP), its answers come back in 183/200; without an
/// offer the relay gets the 200's offer and the ACK's answer. An in-dialog request updates the call's relay.
/// <see cref="_gate"/> guards <see cref="_offer"/> and <see cref="_dialog"/>.
/// </summary>
internal sealed partial class ContextMedia
{
    private readonly Lock _gate = new();
    private readonly ProxyMedia _media;
    private Task<(byte[]? Sdp, int RejectStatus)>? _offer;
    private MediaDialog? _dialog;

    private ContextMedia(ProxyMedia media, SipMessage request, MediaNetwork callerNetwork, MediaDialog? dialog)
    {
        _media = media;
        CallId = MediaMessages.CallId(request);
        FromTag = MediaMessages.FromTag(request);
        Offer = MediaMessages.HasSdp(request) ? MediaMessages.Body(request).ToArray() : null;
        CallerNetwork = callerNetwork;
        _dialog = dialog;
        IsInitial = dialog is null;
    }

    public string CallId { get; }

    /// <summary>The request's From tag: the offerer of <see cref="Offer"/>.</summary>
    public string FromTag { get; }

    /// <summary>The request's SDP offer; null for a late offer.</summary>
    public byte[]? Offer { get; }

    public MediaNetwork CallerNetwork { get; }

    /// <summary>The initial INVITE's side of the dialog, for media-timeout BYEs (null: not kept).</summary>
    public CallerLeg? Caller { get; private init; }

    public bool IsInitial { get; }

    /// <summary>The offer came back round a media loop (initial INVITE only).</summary>
    public LoopMatch? Loop { get; private set; }

    /// <summary>The call already has a relay here (a spiral): this pass adds none.</summary>
    public bool Spiral { get; private set; }

    /// <param name="caller">The INVITE's side of the dialog, kept when the proxy may end the call on a media timeout.</param>
    public static ContextMedia Initial(ProxyMedia media, SipMessage request, MediaNetwork callerNetwork, CallerLeg? caller = null)
    {
        var context = new ContextMedia(media, request, callerNetwork, null) { Caller = caller };
        context.Loop = context.Offer is { } offer && !media.Loops.IsEmpty ? media.Loops.Match(SdpEndpoints.Read(offer)) : null;
        context.Spiral = media.Dialogs.Contains(context.CallId);
        return context;
    }

    /// <summary>
    /// A re-INVITE, UPDATE or PRACK of a relayed call. A PRACK's SDP answers the offer of a reliable 1xx when one is
    /// pending (RFC 3262 §5); otherwise it is a new offer, like a re-INVITE's.
    /// </summary>
    public static ContextMedia InDialog(ProxyMedia media, SipMessage request, MediaDialog dialog)
    {
        var context = new ContextMedia(media, request, dialog.NetworkOf(MediaMessages.FromTag(request)), dialog);
        if (request.Method == SipMethod.Prack && context.Offer is not null)
        {
            context.AnswersOfferOf = dialog.TakePendingOffererOtherThan(context.FromTag);
        }

        return context;
    }

    /// <summary>The tag whose offer (in a reliable 1xx) this PRACK answers; null when the request offers or has no SDP.</summary>
    public string? AnswersOfferOf { get; private set; }

    /// <summary>
    /// The media plan of the branch to <paramref name="destination"/>; the relay is asked at most once. Never throws:
    /// the branch must start (or fail) whatever happens here, else its response context would wait forever.
    /// </summary>
    public async ValueTask<MediaBranchPlan> PlanAsync(SendTarget destination)
    {
        try
        {
            return await PlanCoreAsync(destination).ConfigureAwait(false) with { Destination = destination };
        }
        catch (Exception e)
        {
            _media.Logger.LogWarning(e, "Media plan of {CallId} failed; the branch goes without relay", CallId);
            return new MediaBranchPlan(false, MediaNetwork.Wan, null, 0);
        }
    }

    private async ValueTask<MediaBranchPlan> PlanCoreAsync(SendTarget destination)
    {
        if (!IsInitial)
        {
            MediaDialog dialog = _dialog!;
            return new MediaBranchPlan(true, dialog.OtherThan(FromTag), Offer is null ? null : (await GetOfferAsync(dialog.OtherThan(FromTag)).ConfigureAwait(false)).Sdp, 0);
        }

        MediaNetwork callee = _media.Policy.CalleeNetwork(destination);
        if (Loop is { } loop)
        {
            return PlanLoop(loop, callee);
        }

        if (Spiral || !_media.Policy.ShouldRelay(CallerNetwork, callee))
        {
            return new MediaBranchPlan(false, callee, null, 0);
        }

        if (Offer is null)
        {
            return new MediaBranchPlan(true, callee, null, 0); // the relay gets the 2xx's offer
        }

        var (sdp, reject) = await GetOfferAsync(callee).ConfigureAwait(false);
        return new MediaBranchPlan(sdp is not null, callee, sdp, reject);
    }

    /// <summary>
    /// The response pipeline of a branch whose responses may need the relay: a relayed one, or an unrelayed one whose
    /// 2xx must end the relay made for its siblings. Null otherwise (a call within one network pays nothing more).
    /// </summary>
    public BranchMedia? ForBranch(MediaBranchPlan plan, Action<int, ReadOnlyMemory<byte>> deliver) =>
        plan.Relayed || CurrentDialog() is not null ? new BranchMedia(this, plan, deliver) : null;

    public void ReportFailure(Exception e) => _media.Logger.LogWarning(e, "Media rewrite of a response in {CallId} failed", CallId);

    /// <summary>The initial INVITE failed (final ≥ 300 upstream, CANCEL included): its relay goes.</summary>
    public void OnCallFailed()
    {
        MediaDialog? dialog;
        lock (_gate)
        {
            dialog = IsInitial ? _dialog : null;
        }

        if (dialog is not null)
        {
            _media.End(dialog, "call failed");
        }
    }

    /// <summary>
    /// Round a media loop: when the offerer sits on the callee's network, its own endpoints go in the SDP and no relay
    /// stays (the manual's loop removal); otherwise the one relay already in the path is enough, the SDP goes on as it is.
    /// </summary>
    private MediaBranchPlan PlanLoop(LoopMatch loop, MediaNetwork callee)
    {
        if (_media.Policy.ForceRelaying || loop.Offer.OffererNetwork != callee)
        {
            return new MediaBranchPlan(false, callee, null, 0);
        }

        loop.Offer.MarkUnwrapped();
        _media.Logger.LogDebug("Media loop of {CallId}: the offer is unwrapped to its own endpoints", loop.Offer.CallId);
        return new MediaBranchPlan(false, callee, SdpUnwrapper.Unwrap(Offer, SdpEndpoints.Read(Offer), loop.Originals), 0);
    }

    private Task<(byte[]? Sdp, int RejectStatus)> GetOfferAsync(MediaNetwork towards)
    {
        lock (_gate)
        {
            return _offer ??= IsInitial ? OfferAsync(towards)
                : AnswersOfferOf is { } offerer ? AnswerProvisionalOfferAsync(offerer)
                : UpdateAsync(towards);
        }
    }

    private async Task<(byte[]? Sdp, int RejectStatus)> OfferAsync(MediaNetwork towards)
    {
        MediaControlResult result = await _media.CallAsync(c => c.Offer(new MediaOffer(CallId, FromTag, Offer, towards))).ConfigureAwait(false);
        if (result.Status == MediaControlStatus.Relayed)
        {
            byte[] sdp = result.Sdp.ToArray();
            var dialog = new MediaDialog(CallId, FromTag, CallerNetwork, towards, _media.Dialogs.Now)
            {
                Loop = _media.Loops.Register(CallId, CallerNetwork, Offer, sdp),
            };
            Keep(dialog);
            return (sdp, 0);
        }

        return (null, FailureStatus(result));
    }

    private async Task<(byte[]? Sdp, int RejectStatus)> UpdateAsync(MediaNetwork towards)
    {
        MediaControlResult result = await _media.CallAsync(c => c.Update(new MediaOffer(CallId, FromTag, Offer, towards))).ConfigureAwait(false);
        if (result.Status != MediaControlStatus.Relayed)
        {
            _media.Logger.LogWarning("Media relay refused the update of {CallId}: {Status} {Error}", CallId, result.Status, result.Error);
        }

        return (result.Status == MediaControlStatus.Relayed ? result.Sdp.ToArray() : null, 0);
    }

    /// <summary>The PRACK's answer to a reliable 1xx's offer, sent towards the offerer; null when the relay refused it.</summary>
    private async Task<(byte[]? Sdp, int RejectStatus)> AnswerProvisionalOfferAsync(string offerer)
    {
        MediaDialog dialog = _dialog!;
        var answer = new MediaAnswer(CallId, offerer, FromTag, Offer, dialog.NetworkOf(offerer));
        MediaControlResult result = await _media.CallAsync(c => c.Answer(answer)).ConfigureAwait(false);
        if (result.Status != MediaControlStatus.Relayed)
        {
            _media.Logger.LogWarning("Media relay refused the PRACK answer of {CallId}: {Status} {Error}", CallId, result.Status, result.Error);
        }

        return (result.Status == MediaControlStatus.Relayed ? result.Sdp.ToArray() : null, 0);
    }

    /// <summary>
    /// Passed through (the relay's own choice when out of ports): no relay, no failure. Out of ports with 488/500: the
    /// relay's configured answer. Anything else (unreachable, bad SDP): <see cref="ProxyMediaOptions.OnRelayFailure"/>.
    /// </summary>
    private int FailureStatus(MediaControlResult result)
    {
        if (result.Status == MediaControlStatus.PassedThrough)
        {
            _media.Logger.LogWarning("Media relay out of ports: {CallId} goes up without relay", CallId);
            return 0;
        }

        _media.Logger.LogWarning("No media relay for {CallId}: {Status} {Error}", CallId, result.Status, result.Error);
        if (result.Status == MediaControlStatus.PortsExhausted && result.SipStatusCode is 488 or 500)
        {
            return result.SipStatusCode;
        }

        return _media.Options.OnRelayFailure switch
        {
            MediaRelayFailureAction.Reject488 => 488,
            MediaRelayFailureAction.Reject500 => 500,
            _ => 0,
        };
    }

    private void Keep(MediaDialog dialog)
    {
        lock (_gate)
        {
            _dialog = dialog;
        }

        if (!_media.Dialogs.TryAdd(dialog))
        {
            _media.Logger.LogDebug("Media relay of {CallId} is already known (spiral)", CallId);
        }
    }
}
