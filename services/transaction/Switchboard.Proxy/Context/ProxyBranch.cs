using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Targets;
using Switchboard.Proxy.Transport;

namespace Switchboard.Proxy.Context;

/// <summary>
/// One forwarded copy of the request (RFC 3261 §16.6) and its client transaction's reports. State is guarded by
/// the owning context's lock.
/// </summary>
internal sealed class ProxyBranch : IProxyBranchEvents
{
    private readonly ProxyContext _context;

    public ProxyBranch(ProxyContext context, ProxyTarget target, string id, byte[] request, SendTarget sendTarget, ReadOnlyMemory<SendTarget> fallbacks)
    {
        _context = context;
        Target = target;
        Id = id;
        Request = request;
        SendTarget = sendTarget;
        Fallbacks = fallbacks;
    }

    public ProxyTarget Target { get; }

    public string Id { get; }

    /// <summary>The bytes as forwarded (the CANCEL copies its Request-URI, Via, Route and tags from them).</summary>
    public byte[] Request { get; }

    public SendTarget SendTarget { get; }

    /// <summary>The servers of the same next hop still to try, in order, should this one fail (RFC 3263 §4.3).</summary>
    public ReadOnlyMemory<SendTarget> Fallbacks { get; }

    public BranchState State { get; set; }

    /// <summary>A CANCEL is owed as soon as a provisional response arrives.</summary>
    public bool CancelRequested { get; set; }

    public bool CancelSent { get; set; }

    public ITimer? TimerC { get; set; }

    /// <summary>Responses pass the media relay's SDP rewrite first (in order), when the request's media are relayed.</summary>
    public Media.BranchMedia? Media { get; set; }

    public void OnResponse(int statusCode, ReadOnlyMemory<byte> response)
    {
        if (Media is { } media)
        {
            media.OnResponse(statusCode, response);
            return;
        }

        _context.OnResponse(this, statusCode, response);
    }

    public void OnTimeout() => _context.OnLocalFinal(this, 408);

    public void OnTransportError() => _context.OnLocalFinal(this, 503);

    public void OnTimerC() => _context.OnTimerC(this);

    public void StopTimerC()
    {
        TimerC?.Dispose();
        TimerC = null;
    }
}
