using Switchboard.Contracts.Media;
using Switchboard.Sip;

namespace Switchboard.Proxy.Media;

/// <summary>The SDP in a branch's 1xx/2xx: the answer to the relayed offer, or a late offer.</summary>
internal sealed partial class ContextMedia
{
    /// <summary>
    /// The bytes to forward instead of <paramref name="response"/>, or null to forward it as it is. Work that must
    /// wait for the relay copies the bytes first (the transaction may reuse its buffer).
    /// </summary>
    public async ValueTask<ReadOnlyMemory<byte>?> RewriteResponseAsync(MediaBranchPlan plan, int statusCode, ReadOnlyMemory<byte> response)
    {
        if (statusCode is <= 100 or >= 300)
        {
            return null;
        }

        if (!plan.Relayed)
        {
            if (statusCode >= 200 && IsInitial && TakeDialog() is { } unused)
            {
                _media.End(unused, "answered by a branch without relay");
            }

            return null;
        }

        byte[] copy = response.ToArray();
        var message = new SipMessage();
        if (!_media.Parser.TryParseFramed(copy, message, out _))
        {
            return null;
        }

        ReadOnlyMemory<byte>? output = await RewriteParsedAsync(plan, message, copy).ConfigureAwait(false);
        if (statusCode >= 200 && IsInitial && Caller is { } caller && CurrentDialog() is not null && plan.Destination is { } callee)
        {
            _media.Byes?.Confirm(caller, message, callee); // a relayed call the proxy may end on a media timeout
        }

        return output;
    }

    private async ValueTask<ReadOnlyMemory<byte>?> RewriteParsedAsync(MediaBranchPlan plan, SipMessage message, byte[] copy)
    {
        if (!MediaMessages.HasSdp(message) || MediaMessages.ToTag(message) is not { Length: > 0 } toTag)
        {
            return null;
        }

        if (RelayAsync(plan, message, toTag) is not { } relaying)
        {
            return copy;
        }

        MediaControlResult result = await relaying.ConfigureAwait(false);
        return result.Status == MediaControlStatus.Relayed ? MediaMessages.WithBody(message, result.Sdp.Span) : copy;
    }

    private Task<MediaControlResult>? RelayAsync(MediaBranchPlan plan, SipMessage message, string toTag)
    {
        byte[] sdp = MediaMessages.Body(message).ToArray();
        MediaDialog? dialog = CurrentDialog();
        if (AnswersOfferOf is not null)
        {
            return null; // the PRACK answered; its 2xx has no SDP of the exchange to relay
        }

        if (Offer is not null)
        {
            if (dialog is null)
            {
                return null; // the offer went out unrelayed (passed through, or the relay failed and we proceed)
            }

            if (dialog.Loop?.Unwrapped == true)
            {
                _media.End(dialog, "media loop removed");
                return null;
            }

            var answer = new MediaAnswer(CallId, FromTag, toTag, sdp, CallerNetwork);
            return _media.CallAsync(c => c.Answer(answer));
        }

        return message.StatusCode < 200 ? RelayProvisionalOffer(plan, message, toTag, sdp, dialog) : RelayFinalOffer(plan, toTag, sdp, dialog);
    }

    /// <summary>
    /// A late offer in a reliable 1xx (RFC 3262): relayed, the PRACK will answer. An unreliable 1xx cannot offer
    /// (RFC 3261 §13.2.1): its SDP passes unchanged. A retransmitted offer gets the same rewrite and opens nothing.
    /// </summary>
    private Task<MediaControlResult>? RelayProvisionalOffer(MediaBranchPlan plan, SipMessage message, string toTag, byte[] sdp, MediaDialog? dialog)
    {
        if (!MediaMessages.IsReliableProvisional(message))
        {
            return null;
        }

        dialog ??= StartLateOffer(plan.CalleeNetwork);
        dialog.OfferInProvisional(toTag, sdp);
        return SendLateOffer(toTag, sdp);
    }

    /// <summary>
    /// Late offer in the 2xx: the ACK will answer. When the 2xx only repeats the offer its side made in a reliable 1xx
    /// (already answered in the PRACK), it gets the same rewrite and no answer is awaited.
    /// </summary>
    private Task<MediaControlResult> RelayFinalOffer(MediaBranchPlan plan, string toTag, byte[] sdp, MediaDialog? dialog)
    {
        dialog ??= StartLateOffer(plan.CalleeNetwork);
        if (!dialog.RepeatsProvisionalOffer(toTag, sdp))
        {
            dialog.PendingOfferer = toTag;
        }

        return SendLateOffer(toTag, sdp);
    }

    private Task<MediaControlResult> SendLateOffer(string toTag, byte[] sdp)
    {
        var offer = new MediaOffer(CallId, toTag, sdp, CallerNetwork);
        return IsInitial ? _media.CallAsync(c => c.Offer(offer)) : _media.CallAsync(c => c.Update(offer));
    }

    private MediaDialog StartLateOffer(MediaNetwork calleeNetwork)
    {
        var dialog = new MediaDialog(CallId, FromTag, CallerNetwork, calleeNetwork, _media.Dialogs.Now);
        Keep(dialog);
        return dialog;
    }

    private MediaDialog? CurrentDialog()
    {
        lock (_gate)
        {
            return _dialog;
        }
    }

    private MediaDialog? TakeDialog()
    {
        lock (_gate)
        {
            MediaDialog? dialog = _dialog;
            _dialog = null;
            return dialog;
        }
    }
}
