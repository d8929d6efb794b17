using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Media;
using Switchboard.Contracts.Sip;
using Switchboard.Sip;
using Switchboard.Sip.Parsing;

namespace Switchboard.Proxy.Media;

/// <summary>
/// The proxy's half of the manual's "Media Stream Proxy" (issue 7): decides which calls get a relay
/// (<see cref="MediaRelayPolicy"/>), has their SDP rewritten by <see cref="IMediaRelayControl"/> — the INVITE's offer
/// per branch, the answer in 183/200 (or the offer in a reliable 1xx or a 200 and its answer in the PRACK or ACK),
/// re-INVITE/UPDATE (and a PRACK's new offer) as updates —
/// and ends the relay on BYE, CANCEL and failure. An offer that comes back round a media loop is unwrapped to the
/// offerer's own endpoints (<see cref="MediaLoopTable"/>), so two phones of one LAN talk directly.
/// </summary>
internal sealed class ProxyMedia
{
    private readonly IMediaRelayControl _control;

    public ProxyMedia(IMediaRelayControl control, ProxyMediaOptions options, bool forceRelaying, TimeProvider time, ILogger logger, Routing.ProxyIdentity? identity = null)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _control = control;
        Options = options;
        Policy = new MediaRelayPolicy(new MediaNetworks(options.LanNetworks), forceRelaying);
        Dialogs = new MediaDialogs(time, options.CallLifetime);
        Byes = options.EndCallOnTimeout && identity is not null ? new ByeDialogs(identity, options.EndCallLimit) : null;
        Logger = logger;
    }

    public ProxyMediaOptions Options { get; }

    public MediaRelayPolicy Policy { get; }

    public MediaLoopTable Loops { get; } = new();

    public MediaDialogs Dialogs { get; }

    /// <summary>Confirmed relayed calls the proxy can end on a media timeout; null when the option is off.</summary>
    public ByeDialogs? Byes { get; }

    public SipParser Parser { get; } = new(null);

    public ILogger Logger { get; }

    /// <summary>
    /// The media state of a new INVITE, UPDATE or PRACK (with SDP: RFC 3262 offer/answer) context; null when its
    /// media are not ours to touch.
    /// </summary>
    public ContextMedia? ForRequest(SipMessage request, SipFlow source, bool inDialog)
    {
        if (inDialog)
        {
            Byes?.Track(request);
        }

        if ((request.Method & (SipMethod.Invite | SipMethod.Update)) == 0
            && (request.Method != SipMethod.Prack || !inDialog || !MediaMessages.HasSdp(request)))
        {
            return null;
        }

        foreach (MediaDialog expired in Dialogs.TakeExpiredIfDue())
        {
            Forget(expired);
        }

        string callId = MediaMessages.CallId(request);
        if (inDialog)
        {
            return Dialogs.Find(callId) is { } dialog ? ContextMedia.InDialog(this, request, dialog) : null;
        }

        return request.Method == SipMethod.Invite
            ? ContextMedia.Initial(this, request, Policy.CallerNetwork(source), Byes is null ? null : CallerLeg.Read(request, source))
            : null;
    }

    /// <summary>The answer in an ACK to an offer the relay got in a 2xx (late offer): the body to forward, or null.</summary>
    public async ValueTask<byte[]?> RewriteAckAsync(SipMessage ack, CancellationToken cancellationToken)
    {
        if (!MediaMessages.HasSdp(ack) || Dialogs.Find(MediaMessages.CallId(ack)) is not { } dialog
            || dialog.TakePendingOfferer() is not { } offerer)
        {
            return null;
        }

        var answer = new MediaAnswer(dialog.CallId, offerer, MediaMessages.FromTag(ack), MediaMessages.Body(ack).ToArray(), dialog.NetworkOf(offerer));
        MediaControlResult result = await CallAsync(c => c.Answer(answer, cancellationToken)).ConfigureAwait(false);
        return result.Status == MediaControlStatus.Relayed ? result.Sdp.ToArray() : null;
    }

    /// <summary>
    /// A 2xx that arrived after its client transaction ended (RFC 6026 stray): the relay answers a repeated SDP with
    /// the same rewrite, so the caller never sees the callee's own address. The bytes to forward, or null.
    /// </summary>
    public async ValueTask<byte[]?> RewriteStrayResponseAsync(SipMessage response, CancellationToken cancellationToken)
    {
        if (!MediaMessages.HasSdp(response) || Dialogs.Find(MediaMessages.CallId(response)) is not { } dialog)
        {
            return null;
        }

        string fromTag = MediaMessages.FromTag(response);
        string toTag = MediaMessages.ToTag(response);
        byte[] sdp = MediaMessages.Body(response).ToArray();
        MediaControlResult result = dialog.PendingOfferer == toTag
            ? await CallAsync(c => c.Update(new MediaOffer(dialog.CallId, toTag, sdp, dialog.NetworkOf(fromTag)), cancellationToken)).ConfigureAwait(false)
            : await CallAsync(c => c.Answer(new MediaAnswer(dialog.CallId, fromTag, toTag, sdp, dialog.NetworkOf(fromTag)), cancellationToken)).ConfigureAwait(false);
        return result.Status == MediaControlStatus.Relayed ? MediaMessages.WithBody(response, result.Sdp.Span) : null;
    }

    /// <summary>A BYE ends its call's relay (at once: the media are over whatever the BYE's response).</summary>
    public void OnBye(SipMessage bye)
    {
        Byes?.Remove(MediaMessages.CallId(bye));
        if (Dialogs.Find(MediaMessages.CallId(bye)) is { } dialog)
        {
            End(dialog, "BYE");
        }
    }

    /// <summary>Forgets the call and deletes its relay session (in the background; a failure only leaves it to time out).</summary>
    public void End(MediaDialog dialog, string reason)
    {
        if (!Dialogs.Remove(dialog))
        {
            return;
        }

        Forget(dialog);
        Logger.LogDebug("Media relay of {CallId} ends: {Reason}", dialog.CallId, reason);
        _ = DeleteAsync(dialog.CallId);
    }

    /// <summary>
    /// One control call; an exception (channel down, a deadline, a bug) becomes an Unavailable result, so a branch
    /// waiting for it always starts or fails instead of hanging its response context.
    /// </summary>
    public async Task<MediaControlResult> CallAsync(Func<IMediaRelayControl, Task<MediaControlResult>> call)
    {
        try
        {
            return await call(_control).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Logger.LogWarning(e, "Media relay control failed");
            return MediaControlResult.Unavailable(e.Message);
        }
    }

    /// <summary>The relay timed the call's media out: the relay and the proxy's record of it go (null: not ours).</summary>
    public ByeDialog? TakeTimedOut(string callId)
    {
        ByeDialog? dialog = Byes?.Take(callId);
        if (dialog is not null && Dialogs.Find(callId) is { } media)
        {
            End(media, "media timeout");
        }

        return dialog;
    }

    private void Forget(MediaDialog dialog)
    {
        Byes?.Remove(dialog.CallId);
        if (dialog.Loop is { } loop)
        {
            Loops.Remove(loop);
        }
    }

    private async Task DeleteAsync(string callId)
    {
        try
        {
            await _control.Delete(new MediaDelete(callId)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Logger.LogWarning(e, "Deleting the media relay of {CallId} failed; it will time out", callId);
        }
    }
}
