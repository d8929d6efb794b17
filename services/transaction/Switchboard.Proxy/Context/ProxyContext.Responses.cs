using Switchboard.Proxy.Forwarding;
using Switchboard.Proxy.Targets;
using Switchboard.Sip;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Uris;

namespace Switchboard.Proxy.Context;

/// <summary>RFC 3261 §16.7: responses from the branches — forward 1xx and 2xx at once, collect the rest, pick the best.</summary>
internal sealed partial class ProxyContext
{
    private const string AnsweredElsewhere = "SIP;cause=200;text=\"Call completed elsewhere\"";

    public void OnResponse(ProxyBranch branch, int statusCode, ReadOnlyMemory<byte> bytes)
    {
        var response = new SipMessage();
        if (!_services.Parser.TryParseFramed(bytes, response, out _))
        {
            OnLocalFinal(branch, 502); // RFC 3261 §16.7 step 1 cannot even pop our Via: Bad Gateway
            return;
        }

        lock (_gate)
        {
            if (statusCode < 200)
            {
                OnProvisional(branch, statusCode, response);
            }
            else if (statusCode < 300)
            {
                OnSuccess(branch, statusCode, response);
            }
            else if (branch.State != BranchState.Completed)
            {
                OnFailure(branch, statusCode, response);
                CheckDone();
            }
        }
    }

    /// <summary>Timeout (408), transport error (503) or an unreadable response (502) stand in for a final response.</summary>
    public void OnLocalFinal(ProxyBranch branch, int statusCode)
    {
        lock (_gate)
        {
            if (branch.State == BranchState.Completed)
            {
                return;
            }

            if (!TryFailover(branch, statusCode))
            {
                Complete(branch, new BranchFinal(statusCode, null));
            }

            CheckDone();
        }
    }

    private void OnProvisional(ProxyBranch branch, int statusCode, SipMessage response)
    {
        if (branch.CancelRequested)
        {
            SendCancel(branch, _finalSent ? AnsweredElsewhere : null);
        }

        if (branch.State == BranchState.Completed)
        {
            return;
        }

        branch.State = BranchState.Proceeding;
        if (statusCode > 100)
        {
            branch.TimerC?.Change(_services.Options.TimerC, Timeout.InfiniteTimeSpan); // §16.7 step 2: reset by provisionals
            if (!_finalSent && !_cancelled)
            {
                SendUpstream(statusCode, ResponseForwarder.Forward(response));
            }
        }
    }

    /// <summary>Every 2xx goes upstream (forks included, §16.7 step 5); the first one cancels the other branches.</summary>
    private void OnSuccess(ProxyBranch branch, int statusCode, SipMessage response)
    {
        if (branch.State != BranchState.Completed)
        {
            Complete(branch, new BranchFinal(statusCode, null));
        }

        SendUpstream(statusCode, ResponseForwarder.Forward(response));
        if (_finalSent)
        {
            return;
        }

        _finalSent = true;
        if (IsCall)
        {
            _services.Calls.Answered(CallId, statusCode, _recordRouted);
        }
        else if (EndsCall)
        {
            _services.Calls.Ended(CallId, 200, "Hang-up");
        }

        foreach (ProxyBranch other in _branches)
        {
            if (other.State != BranchState.Completed)
            {
                CancelBranch(other, AnsweredElsewhere);
            }
        }

        CheckDone();
    }

    private void OnFailure(ProxyBranch branch, int statusCode, SipMessage response)
    {
        if (statusCode == 503 && TryFailover(branch, statusCode))
        {
            return;
        }

        if (statusCode < 400 && _services.Options.Recurse3xx && !_finalSent && !_cancelled && !_sixxSeen
            && Redirect(response) is { Count: > 0 } targets)
        {
            // §16.7 step 4: the Contacts join the target set; the 3xx itself is not kept.
            branch.State = BranchState.Completed;
            branch.StopTimerC();
            StartGroup(new TargetGroup(1000, targets));
            return;
        }

        Complete(branch, new BranchFinal(statusCode, response));
        if (statusCode >= 600)
        {
            // §16.7 step 5: a 6xx ends the search; the other branches are cancelled, no new ones start.
            _sixxSeen = true;
            _groups.Clear();
            foreach (ProxyBranch other in _branches)
            {
                if (other.State != BranchState.Completed)
                {
                    CancelBranch(other, null);
                }
            }
        }
    }

    private List<ProxyTarget> Redirect(SipMessage response)
    {
        var targets = new List<ProxyTarget>();
        foreach (SipHeader header in response.GetHeaders(HeaderKind.Contact))
        {
            if (_redirectTargets >= _services.Options.MaxRedirectTargets)
            {
                break;
            }

            if (response.TryGetContact(header, out SipContact contact) && !contact.IsStar
                && SipUri.TryParse(contact.Address.Uri.Of(response.Span), out SipUri? uri) && uri.Scheme is UriScheme.Sip or UriScheme.Sips)
            {
                targets.Add(ProxyTarget.ForUri(uri));
                _redirectTargets++;
            }
        }

        return targets;
    }

    /// <summary>§16.7 steps 6–8: the best response; a downstream 503 becomes 500 (our own overload stays 503); 401/407 carry every branch's challenges; none: 408.</summary>
    private void SendBestResponse()
    {
        _finalSent = true;
        int best = BestResponseSelector.Choose(_finals.ConvertAll(f => f.StatusCode));
        BranchFinal? final = best >= 0 ? _finals[best] : null;
        int status = final?.StatusCode ?? (_cancelled ? 487 : 408);
        byte[] bytes;
        if (final is { Overloaded: true })
        {
            bytes = LocalResponses.Create(Request, 503, null, [new("Retry-After", _services.Options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }
        else if (status == 503 || final?.Response is null)
        {
            status = status == 503 ? 500 : status;
            bytes = LocalResponses.Create(Request, status, null);
        }
        else if (status is 401 or 407)
        {
            var others = _finals.Where(f => f != final && f.Response is not null).Select(f => f.Response!);
            bytes = ResponseForwarder.Forward(final.Response, ChallengeCollector.Collect(others));
        }
        else
        {
            bytes = ResponseForwarder.Forward(final.Response);
        }

        SendUpstream(status, bytes);
        if (IsCall)
        {
            Media?.OnCallFailed();
        }

        if (IsCall || EndsCall)
        {
            _services.Calls.Ended(CallId, status, IsCall ? (_cancelled ? "Cancelled" : "Failed") : "Hang-up");
        }
    }
}
