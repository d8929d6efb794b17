using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Forwarding;
using Switchboard.Proxy.Routing;
using Switchboard.Proxy.Targets;
using Switchboard.Proxy.Transport;
using Switchboard.Sip;

namespace Switchboard.Proxy.Context;

/// <summary>
/// The response context of one proxied request (RFC 3261 §16.7): its branches, the target groups still to try
/// (serial by q, parallel within a group), the final responses collected, and whether a final response went
/// upstream. Every field below is guarded by <see cref="_gate"/>; branch callbacks arrive on transaction workers.
/// </summary>
internal sealed partial class ProxyContext
{
    private readonly object _gate = new();
    private readonly ProxyServices _services;
    private readonly Queue<TargetGroup> _groups;
    private readonly List<ProxyBranch> _branches = [];
    private readonly List<BranchFinal> _finals = [];
    private readonly Action<ProxyContext> _onClosed;
    private int _starting;
    private int _redirectTargets;
    private bool _finalSent;
    private bool _cancelled;
    private bool _sixxSeen;
    private bool _recordRouted;
    private bool _closed;

    public ProxyContext(
        ProxyServices services, ProxyRequest request, RouteProcessing routing, ulong loopHash, string key,
        IReadOnlyList<TargetGroup> groups, Action<ProxyContext> onClosed)
    {
        _services = services;
        Request = request.Message;
        Source = request.Source;
        Upstream = request.Transaction ?? throw new ArgumentException("A stateful context needs a server transaction.", nameof(request));
        Routing = routing;
        LoopHash = loopHash;
        Key = key;
        MethodToken = System.Text.Encoding.ASCII.GetString(Request.GetSpan(Request.MethodRange));
        CallId = Request.GetString(Request.TryGetCallId(out SipRange callId) ? callId : SipRange.None) ?? "";
        _groups = new Queue<TargetGroup>(groups);
        _onClosed = onClosed;
    }

    public SipMessage Request { get; }

    public SipFlow Source { get; }

    public IProxyServerTransaction Upstream { get; }

    public RouteProcessing Routing { get; }

    public ulong LoopHash { get; }

    public string Key { get; }

    public string MethodToken { get; }

    public string CallId { get; }

    public bool IsInvite => Request.Method == SipMethod.Invite;

    /// <summary>An initial INVITE: its outcome is a call's start, answer or end.</summary>
    public bool IsCall { get; init; }

    /// <summary>A BYE: its final response ends the call it belongs to.</summary>
    public bool EndsCall { get; init; }

    /// <summary>The SDP offer/answer through the media relay (INVITE/UPDATE of a call that needs or has one), else null.</summary>
    public Media.ContextMedia? Media { get; init; }

    /// <summary>Signs every response sent upstream when the request was NTLM-authenticated (MS-SIPAE), else null.</summary>
    public Security.ProxyResponseSigner? Signer { get; init; }

    public bool IsClosed
    {
        get
        {
            lock (_gate)
            {
                return _closed;
            }
        }
    }

    /// <summary>Starts the first target group.</summary>
    public void Start()
    {
        lock (_gate)
        {
            StartNextGroup();
            CheckDone();
        }
    }

    /// <summary>The caller's CANCEL (RFC 3261 §16.10): no new branches; pending ones are cancelled.</summary>
    public void Cancel()
    {
        lock (_gate)
        {
            if (_finalSent || _cancelled)
            {
                return;
            }

            _cancelled = true;
            _groups.Clear();
            foreach (ProxyBranch branch in _branches)
            {
                if (branch.State != BranchState.Completed)
                {
                    CancelBranch(branch, null);
                }
            }

            CheckDone();
        }
    }

    /// <summary>
    /// Moves on when every branch is decided: the next target group, else the best response, then closes. Branch
    /// starts and callbacks may re-enter (same thread, same lock), so each pass re-reads the state.
    /// </summary>
    private void CheckDone()
    {
        while (!_closed && _starting == 0 && !_branches.Exists(b => b.State != BranchState.Completed))
        {
            if (!_finalSent && !_cancelled && !_sixxSeen && _groups.Count > 0)
            {
                StartNextGroup();
                continue;
            }

            if (!_finalSent)
            {
                SendBestResponse();
            }

            Close();
        }
    }

    private void Close()
    {
        _closed = true;
        foreach (ProxyBranch branch in _branches)
        {
            branch.StopTimerC();
        }

        _onClosed(this);
    }

    private void SendUpstream(int statusCode, byte[] response)
    {
        response = Signer?.Sign(response) ?? response;
        if (Upstream.SendResponse(statusCode, response))
        {
            _services.Metrics.ResponseSent(statusCode);
        }
        else
        {
            _services.Logger.LogDebug("Upstream transaction of {CallId} refused a {Status}", CallId, statusCode);
        }
    }
}
