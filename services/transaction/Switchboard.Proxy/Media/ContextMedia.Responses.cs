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
        if (!_media.Parser.TryParseFramed(copy, message, out _) || !MediaMessages.HasSdp(message) || MediaMessages.ToTag(message) is not { Length: > 0 } toTag)
        {
            return null;
        }

        if (RelayAsync(plan, statusCode, message, toTag) is not { } relaying)
        {
            return copy;
        }

        MediaControlResult result = await relaying.ConfigureAwait(false);
        return result.Status == MediaControlStatus.Relayed ? MediaMessages.WithBody(message, result.Sdp.Span) : copy;
    }

    private Task<MediaControlResult>? RelayAsync(MediaBranchPlan plan, int statusCode, SipMessage message, string toTag)
    {
        byte[] sdp = MediaMessages.Body(message).ToArray();
        MediaDialog? dialog = CurrentDialog();
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

        if (statusCode < 200)
        {
            return null; // an offer in a reliable 1xx is answered in PRACK: not relayed
        }

        // Late offer: the 2xx offers, the ACK will answer.
        dialog ??= StartLateOffer(plan.CalleeNetwork);
        dialog.PendingOfferer = toTag;
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
