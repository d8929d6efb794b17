using Switchboard.Auth.Digest;
using Switchboard.Contracts.Gateway;
using Switchboard.Proxy.Transport;
using Switchboard.Sip;

namespace Switchboard.Proxy.Gateways;

/// <summary>
/// Stands between one proxy branch and its client transactions when the request goes to a gateway (or continues a
/// dialog whose CSeq was shifted): answers the gateway's 401/407 by re-sending with the gateway credentials instead
/// of passing the challenge upstream, and takes the CSeq offset off every response before the branch sees it.
/// </summary>
internal sealed class GatewayBranchEvents : IProxyBranchEvents
{
    private readonly Lock _lock = new();
    private readonly GatewayAuthenticatingTransport _owner;
    private readonly IProxyBranchEvents _branch;
    private readonly GatewaySettings? _gateway;
    private readonly string _originalBranch;
    private readonly (string CallId, string FromTag) _dialog;
    private DigestClient? _digest;
    private ProxyOutgoingRequest _current;   // guarded by _lock
    private SipTextMessage _currentText;     // guarded by _lock
    private int _offset;                     // guarded by _lock
    private int _attempts;                   // guarded by _lock

    public GatewayBranchEvents(
        GatewayAuthenticatingTransport owner, IProxyBranchEvents branch, GatewaySettings? gateway, ProxyOutgoingRequest request,
        SipTextMessage text, (string CallId, string FromTag) dialog, int offset)
    {
        _owner = owner;
        _branch = branch;
        _gateway = gateway;
        _originalBranch = request.Branch;
        _current = request;
        _currentText = text;
        _dialog = dialog;
        _offset = offset;
    }

    public void OnResponse(int statusCode, ReadOnlyMemory<byte> response)
    {
        int offset;
        lock (_lock)
        {
            if (statusCode is 401 or 407 && TryAnswerChallenge(statusCode, response))
            {
                return;
            }

            offset = _offset;
        }

        if (statusCode >= 200)
        {
            _owner.OnBranchFinal(_originalBranch, _current.MethodToken, statusCode, _dialog);
        }

        _branch.OnResponse(statusCode, offset == 0 ? response : GatewayAuthenticatingTransport.Shift(response, -offset));
    }

    public void OnTimeout() => _branch.OnTimeout();

    public void OnTransportError() => _branch.OnTransportError();

    private bool TryAnswerChallenge(int statusCode, ReadOnlyMemory<byte> response)
    {
        if (_gateway is null || _attempts >= _owner.Options.MaxAuthAttempts || SipTextMessage.TryParse(response.Span) is not { } challenge)
        {
            return false;
        }

        _digest ??= new DigestClient(_gateway.Username, _gateway.Password);
        string newBranch = $"{_originalBranch}.a{_attempts + 1}";
        string oldBranch = _current.Branch;
        if (GatewayRequestEditor.Answer(_currentText, challenge, statusCode, _digest, oldBranch, newBranch) is not { } retry)
        {
            return false;
        }

        _attempts++;
        _offset++;
        byte[] bytes = retry.ToBytes();
        _current = _current with { Bytes = bytes, Branch = newBranch };
        _currentText = retry;
        _owner.OnRetry(_originalBranch, newBranch, retry.CSeq!.Value.Number, _dialog, _offset, _current.Method == SipMethod.Invite);
        if (!_owner.Inner.StartClientTransaction(_current, this))
        {
            _offset--; // the challenge goes upstream as it is
            return false;
        }

        return true;
    }
}
