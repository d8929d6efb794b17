using System.Text;
using Switchboard.Contracts.Sip;
using Switchboard.Sip;
using Switchboard.Sip.Headers;
using Switchboard.Sip.Validation;
using Switchboard.Transaction.Keys;

namespace Switchboard.Signal;

/// <summary>The receive path of responses: matched by top Via branch and CSeq method (RFC 3261 §17.1.3).</summary>
public sealed partial class SipServerCore
{
    private void OnResponse(SipMessage response, in ReceivedMessage received)
    {
        if (_validators[(int)SipElementRole.Proxy].ValidateResponse(response).IsError)
        {
            _metrics.MessageDropped();
            return;
        }

        response.TryGetVia(out SipVia via);
        response.TryGetCSeq(out SipCSeq cseq);
        ReadOnlySpan<byte> branch = via.Branch.Of(response.Span);
        if (!branch.IsEmpty)
        {
            var key = TransactionKey.ForClient(Encoding.UTF8.GetString(branch), Encoding.ASCII.GetString(cseq.MethodRange.Of(response.Span)));
            if (Client.ReceiveResponse(key, response.StatusCode, response.Buffer))
            {
                return;
            }
        }

        _strayResponses.OnResponse(response, received);
    }
}
