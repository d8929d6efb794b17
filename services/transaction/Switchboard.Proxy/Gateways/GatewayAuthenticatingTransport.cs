using System.Collections.Concurrent;
using Switchboard.Contracts.Gateway;
using Switchboard.Contracts.Sip;
using Switchboard.Proxy.Routing;
using Switchboard.Proxy.Transport;
using Switchboard.Sip;
using Switchboard.Sip.Uris;

namespace Switchboard.Proxy.Gateways;

/// <summary>
/// The proxy's transport with gateway handling in front (a decorator, so the proxy core stays unaware): an initial
/// request whose Request-URI is a configured gateway gets the caller identity the provider expects and has its
/// 401/407 answered with the gateway credentials (Digest, CSeq + 1, same Call-ID and From tag); a CANCEL follows the
/// re-sent branch; the dialog's later requests and their responses keep the CSeq offset (see <see cref="GatewayDialogs"/>).
/// An INVITE to a gateway is record-routed (when the proxy's identity is known): a challenge shifts the dialog's CSeq,
/// and only requests that pass through us can have the offset applied.
/// </summary>
public sealed class GatewayAuthenticatingTransport : IProxyTransport
{
    private readonly GatewayCatalog _catalog;
    private readonly GatewayDialogs _dialogs;
    private readonly ProxyIdentity? _identity;
    // Original branch id → the branch and CSeq number now in use, while the transaction may still be cancelled.
    private readonly ConcurrentDictionary<string, (string Branch, uint CSeq)> _resent = new(StringComparer.Ordinal);

    public GatewayAuthenticatingTransport(
        IProxyTransport inner, GatewayCatalog catalog, GatewayDialogs dialogs, GatewayRoutingOptions options, ProxyIdentity? identity = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(options);
        Inner = inner;
        _catalog = catalog;
        _dialogs = dialogs;
        Options = options;
        _identity = identity;
    }

    internal IProxyTransport Inner { get; }

    internal GatewayRoutingOptions Options { get; }

    public bool StartClientTransaction(ProxyOutgoingRequest request, IProxyBranchEvents events)
    {
        // Requests that neither go to a gateway nor continue a shifted dialog (the usual case) are not parsed here.
        if (request.Method == SipMethod.Ack || (!_dialogs.MayHold(request.Bytes.Span) && !MayGoToGateway(request))
            || SipTextMessage.TryParse(request.Bytes.Span) is not { } text)
        {
            return Inner.StartClientTransaction(request, events);
        }

        if (request.Method == SipMethod.Cancel)
        {
            return Inner.StartClientTransaction(FollowResent(request, text), events);
        }

        var dialog = DialogOf(text);
        bool initial = GatewayRequestEditor.TagOf(text.GetFirst("To") ?? "") is null;
        GatewaySettings? gateway = initial ? GatewayOf(text, request.Target) : null;
        int offset = initial ? 0 : _dialogs.OffsetOf(dialog.CallId, dialog.FromTag);
        if (gateway is null && offset == 0)
        {
            return Inner.StartClientTransaction(request, events);
        }

        if (gateway is not null)
        {
            GatewayRequestEditor.ApplyCallerIdentity(text, gateway, Options.CallerIdentity);
            if (request.Method == SipMethod.Invite && _identity is not null)
            {
                GatewayRequestEditor.EnsureRecordRoute(text, _identity, request.Target.Flow?.Transport ?? request.Target.Transport ?? SipTransport.Udp);
            }
        }

        text.ShiftCSeq(offset);
        var edited = request with { Bytes = text.ToBytes() };
        return Inner.StartClientTransaction(edited, new GatewayBranchEvents(this, events, gateway, edited, text, dialog, offset));
    }

    /// <summary>An ACK for a 2xx continues the shifted dialog; a 2xx retransmission going upstream has the offset taken off.</summary>
    public bool SendStateless(ReadOnlyMemory<byte> message, SendTarget target)
    {
        if (!_dialogs.MayHold(message.Span) || SipTextMessage.TryParse(message.Span) is not { } text)
        {
            return Inner.SendStateless(message, target);
        }

        var (callId, fromTag) = DialogOf(text);
        int offset = _dialogs.OffsetOf(callId, fromTag);
        if (offset == 0 || !(text.IsResponse || text.StartLine.StartsWith("ACK ", StringComparison.Ordinal)))
        {
            return Inner.SendStateless(message, target);
        }

        text.ShiftCSeq(text.IsResponse ? -offset : offset);
        return Inner.SendStateless(text.ToBytes(), target);
    }

    internal static ReadOnlyMemory<byte> Shift(ReadOnlyMemory<byte> message, int offset)
    {
        if (SipTextMessage.TryParse(message.Span) is not { } text || !text.ShiftCSeq(offset))
        {
            return message;
        }

        return text.ToBytes();
    }

    internal void OnRetry(string originalBranch, string newBranch, uint cseq, (string CallId, string FromTag) dialog, int offset, bool isInvite)
    {
        _resent[originalBranch] = (newBranch, cseq);
        if (isInvite)
        {
            _dialogs.SetOffset(dialog.CallId, dialog.FromTag, offset);
        }
    }

    internal void OnBranchFinal(string originalBranch, string methodToken, int statusCode, (string CallId, string FromTag) dialog)
    {
        _resent.TryRemove(originalBranch, out _);
        bool dialogEnds = methodToken == "BYE" || (methodToken == "INVITE" && statusCode >= 300);
        if (dialogEnds)
        {
            _dialogs.Forget(dialog.CallId, dialog.FromTag);
        }
    }

    private ProxyOutgoingRequest FollowResent(ProxyOutgoingRequest cancel, SipTextMessage text)
    {
        if (!_resent.TryGetValue(cancel.Branch, out var resent) || text.GetFirst("Via") is not { } via)
        {
            return cancel;
        }

        text.ReplaceFirst("Via", via.Replace("branch=" + cancel.Branch, "branch=" + resent.Branch, StringComparison.Ordinal));
        text.ReplaceFirst("CSeq", $"{resent.CSeq} CANCEL");
        return cancel with { Bytes = text.ToBytes(), Branch = resent.Branch };
    }

    /// <summary>The Request-URI (read from the request line only) or the next hop is a gateway's.</summary>
    private bool MayGoToGateway(ProxyOutgoingRequest request)
    {
        if (_catalog.Current.Count == 0)
        {
            return false;
        }

        ReadOnlySpan<byte> bytes = request.Bytes.Span;
        int lineEnd = bytes.IndexOf("\r\n"u8);
        ReadOnlySpan<byte> line = lineEnd < 0 ? bytes : bytes[..lineEnd];
        int first = line.IndexOf((byte)' ');
        int last = line.LastIndexOf((byte)' ');
        if (first > 0 && last > first && SipUri.TryParse(line[(first + 1)..last], out SipUri? uri) && _catalog.Match(uri.Host, uri.Port) is not null)
        {
            return true;
        }

        return request.Target.Destination is { } destination && _catalog.Match(destination.Address.ToString(), destination.Port) is not null;
    }

    private GatewaySettings? GatewayOf(SipTextMessage text, SendTarget target)
    {
        string[] startLine = text.StartLine.Split(' ');
        if (startLine.Length == 3 && SipUri.TryParse(startLine[1], out SipUri? uri) && _catalog.Match(uri.Host, uri.Port) is { } byUri)
        {
            return byUri;
        }

        return target.Destination is { } destination ? _catalog.Match(destination.Address.ToString(), destination.Port) : null;
    }

    private static (string CallId, string FromTag) DialogOf(SipTextMessage text) =>
        (text.GetFirst("Call-ID") ?? "", GatewayRequestEditor.TagOf(text.GetFirst("From") ?? "") ?? "");
}
