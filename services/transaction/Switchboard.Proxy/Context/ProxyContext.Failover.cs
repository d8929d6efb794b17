using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Media;

namespace Switchboard.Proxy.Context;

/// <summary>
/// RFC 3263 §4.3: a next hop that resolved to several servers is tried at the next one, in order, when a branch
/// fails with a transport error (503), a timeout (408, Timer B/F) or a 503 response. The retry is a new branch of
/// the same target (new branch id, §16.6); the failed attempt adds nothing to the response context, so the caller
/// sees one final answer: the last server's, or the best of the other branches.
/// </summary>
internal sealed partial class ProxyContext
{
    /// <summary>Starts the retry when the failure and the context allow one; false: the failure counts as usual.</summary>
    private bool TryFailover(ProxyBranch branch, int statusCode)
    {
        if (statusCode is not (408 or 503) || branch.Fallbacks.IsEmpty || branch.CancelRequested
            || _cancelled || _finalSent || _sixxSeen || _closed)
        {
            return false;
        }

        branch.State = BranchState.Completed;
        branch.StopTimerC();
        _starting++; // keeps the context open while the media relay plans the next server
        _ = FailoverAsync(branch, statusCode);
        return true;
    }

    private async Task FailoverAsync(ProxyBranch failed, int statusCode)
    {
        SendTarget next = failed.Fallbacks.Span[0];
        MediaBranchPlan? media = Media is { } contextMedia ? await contextMedia.PlanAsync(next).ConfigureAwait(false) : null;
        lock (_gate)
        {
            _starting--;
            if (!_cancelled && !_finalSent && !_sixxSeen)
            {
                _services.Logger.LogDebug(
                    "{Method} of {CallId} to {Failed} failed ({Status}); trying {Next}", MethodToken, CallId, failed.SendTarget, statusCode, next);
                StartLocated(failed.Target, failed.Fallbacks, media);
            }

            CheckDone();
        }
    }
}
