using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Forwarding;
using Switchboard.Proxy.Media;
using Switchboard.Proxy.Targets;
using Switchboard.Proxy.Transport;
using Switchboard.Sip;

namespace Switchboard.Proxy.Context;

/// <summary>Creating branches (RFC 3261 §16.6), cancelling them (§16.10) and Timer C (§16.8).</summary>
internal sealed partial class ProxyContext
{
    private static readonly IgnoredResponses CancelResponses = new();

    /// <summary>Starts the next group; locating its targets may wait for DNS, so the rest runs asynchronously.</summary>
    private void StartNextGroup()
    {
        if (_groups.TryDequeue(out TargetGroup? group))
        {
            StartGroup(group);
        }
    }

    private void StartGroup(TargetGroup group)
    {
        _starting++;
        _ = StartGroupAsync(group);
    }

    private async Task StartGroupAsync(TargetGroup group)
    {
        var located = new List<(ProxyTarget Target, SendTarget[] Servers, MediaBranchPlan? Media)>(group.Targets.Count);
        foreach (ProxyTarget target in group.Targets)
        {
            SendTarget[] servers = await LocateAsync(target).ConfigureAwait(false);
            located.Add((target, servers, servers.Length > 0 && Media is { } media ? await media.PlanAsync(servers[0]).ConfigureAwait(false) : null));
        }

        lock (_gate)
        {
            foreach (var (target, servers, media) in located)
            {
                if (_cancelled || (_finalSent && IsInvite))
                {
                    continue;
                }

                if (servers.Length == 0)
                {
                    _finals.Add(new BranchFinal(503, null)); // RFC 3263 §4.3: no server found
                }
                else
                {
                    StartLocated(target, servers, media);
                }
            }

            _starting--;
            CheckDone();
        }
    }

    /// <summary>The servers of a target's next hop in the order to try them, at most <see cref="ProxyOptions.MaxServerTargets"/>.</summary>
    private async ValueTask<SendTarget[]> LocateAsync(ProxyTarget target)
    {
        HopPlan plan = NextHopPlanner.Plan(Routing, target, target.RequestUri);
        if (plan.Direct is { } direct)
        {
            return [direct];
        }

        try
        {
            IReadOnlyList<SendTarget> all = await _services.Locator.LocateAllAsync(plan.Hop, CancellationToken.None).ConfigureAwait(false);
            return [.. all.Take(_services.Options.MaxServerTargets)];
        }
        catch (Exception e)
        {
            _services.Logger.LogWarning(e, "Locating {Hop} failed", plan.Hop);
            return [];
        }
    }

    /// <summary>A branch to the first of <paramref name="servers"/>, unless the media policy refuses the call without a relay.</summary>
    private void StartLocated(ProxyTarget target, ReadOnlyMemory<SendTarget> servers, MediaBranchPlan? media)
    {
        if (media is { RejectStatus: > 0 } refused)
        {
            _finals.Add(new BranchFinal(refused.RejectStatus, null)); // no relay, and the options say fail
            return;
        }

        StartBranch(target, servers.Span[0], servers[1..], media);
    }

    private void StartBranch(ProxyTarget target, SendTarget destination, ReadOnlyMemory<SendTarget> fallbacks, MediaBranchPlan? media)
    {
        SipTransport transport = destination.Flow?.Transport ?? destination.Transport ?? SipTransport.Udp;
        string id = _services.Branches.Create(LoopHash);
        IReadOnlyList<byte[]> recordRoutes = _services.RecordRoutes.Plan(Request, Source, destination, media?.Relayed == true);
        var plan = new ForwardPlan(Routing, target, _services.Identity.CreateVia(transport, id), recordRoutes, transport.IsReliable())
        {
            Body = media?.Body,
        };
        byte[] bytes = RequestForwarder.Forward(Request, plan);
        var branch = new ProxyBranch(this, target, id, bytes, destination, fallbacks);
        if (media is { } mediaPlan && Media is { } contextMedia)
        {
            branch.Media = contextMedia.ForBranch(mediaPlan, (status, response) => OnResponse(branch, status, response));
        }

        _branches.Add(branch);
        _recordRouted |= recordRoutes.Count > 0;
        if (IsInvite)
        {
            branch.TimerC = _services.Time.CreateTimer(static s => ((ProxyBranch)s!).OnTimerC(), branch, _services.Options.TimerC, Timeout.InfiniteTimeSpan);
        }

        _services.Metrics.RequestForwarded(MethodToken);
        if (!_services.Transport.StartClientTransaction(new ProxyOutgoingRequest(bytes, id, Request.Method, MethodToken, destination), branch)
            && !TryFailover(branch, 503))
        {
            Complete(branch, new BranchFinal(503, null, Overloaded: true));
        }
    }

    /// <summary>
    /// Cancels one INVITE branch: at once when it is Proceeding, else as soon as a provisional arrives (§9.1). A
    /// branch the caller cancelled before any provisional counts as a 487 now, so the caller is not kept waiting.
    /// </summary>
    private void CancelBranch(ProxyBranch branch, string? reason)
    {
        if (!IsInvite)
        {
            return;
        }

        if (branch.State == BranchState.Proceeding)
        {
            SendCancel(branch, reason);
            return;
        }

        branch.CancelRequested = true;
        if (_cancelled)
        {
            Complete(branch, new BranchFinal(487, null));
        }
    }

    private void SendCancel(ProxyBranch branch, string? reason)
    {
        if (branch.CancelSent)
        {
            return;
        }

        branch.CancelSent = true;
        var forwarded = new SipMessage();
        if (!_services.Parser.TryParseFramed(branch.Request, forwarded, out _))
        {
            return;
        }

        byte[] cancel = CancelBuilder.Build(forwarded, reason);
        _services.Transport.StartClientTransaction(
            new ProxyOutgoingRequest(cancel, branch.Id, SipMethod.Cancel, "CANCEL", branch.SendTarget), CancelResponses);
    }

    /// <summary>Timer C (§16.8): a Proceeding branch is cancelled (then, on a second expiry, given up); a silent one is a 408.</summary>
    public void OnTimerC(ProxyBranch branch)
    {
        lock (_gate)
        {
            if (branch.State == BranchState.Completed)
            {
                return;
            }

            if (branch.State == BranchState.Proceeding && !branch.CancelSent)
            {
                SendCancel(branch, null);
                branch.TimerC?.Change(_services.Options.TimerC, Timeout.InfiniteTimeSpan);
                return;
            }

            Complete(branch, new BranchFinal(408, null));
            CheckDone();
        }
    }

    /// <summary>Marks a branch decided and adds its final response to the context.</summary>
    private void Complete(ProxyBranch branch, BranchFinal final)
    {
        branch.State = BranchState.Completed;
        branch.StopTimerC();
        _finals.Add(final);
    }
}
