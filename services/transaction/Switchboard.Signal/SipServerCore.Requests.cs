using System.Globalization;
using System.Text;
using Switchboard.Contracts.Sip;
using Switchboard.Signal.Handlers;
using Switchboard.Signal.Sending;
using Switchboard.Sip;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Uris;
using Switchboard.Sip.Validation;
using Switchboard.Transaction.Keys;
using Switchboard.Transaction.Server;

namespace Switchboard.Signal;

/// <summary>The receive path of requests: validate, key, match or create the server transaction.</summary>
public sealed partial class SipServerCore
{
    private const int MaxUnsupportedTags = 16;

    private void OnRequestReceived(SipMessage request, byte[] owner, SipFlow flow)
    {
        // Only the role of a non-REGISTER and the stateless OPTIONS answer need the parsed Request-URI.
        SipUri? requestUri = null;
        if (request.Method != SipMethod.Register)
        {
            SipUri.TryParse(request.GetSpan(request.RequestUri), out requestUri);
        }

        SipParseError error = _validators[(int)RoleOf(request, requestUri)].ValidateRequest(request);
        if (error.IsError)
        {
            RejectInvalid(request, error, flow);
            return;
        }

        if (request.Method == SipMethod.Options && requestUri is not null && _keepalive is not null
            && _keepalive.StatelessAnswer(requestUri, flow.Local, _handlers.AllowedMethods) is { } capabilities)
        {
            _metrics.RequestReceived("OPTIONS");
            SendStateless(request, flow, 200, null, capabilities);
            return;
        }

        string method = ServerKeys.MethodOf(request);
        if (!ServerKeys.TryCompute(request, method, out TransactionKey key))
        {
            _metrics.MessageDropped();
            return;
        }

        ServerRequestKind kind = request.Method switch
        {
            SipMethod.Invite => ServerRequestKind.Invite,
            SipMethod.Ack => ServerRequestKind.Ack,
            _ => ServerRequestKind.NonInvite,
        };
        var transport = new FlowTransport(_outbound, ResponseRoute.For(request, flow));
        bool expectsNew = kind != ServerRequestKind.Ack;
        if (expectsNew)
        {
            _pending[owner] = new PendingRequest(request, flow);
        }

        ServerReceiveResult result = Server.Receive(key, kind, request.Buffer, transport, out ServerTransaction? transaction);
        if (expectsNew && result != ServerReceiveResult.Created)
        {
            _pending.TryRemove(owner, out _);
        }

        string label = request.Method == SipMethod.Unknown ? "other" : method;
        switch (result)
        {
            case ServerReceiveResult.Created:
                transport.Attach(transaction!);
                _metrics.RequestReceived(label);
                break;
            case ServerReceiveResult.AckUnmatched:
                _metrics.RequestReceived(label);
                _transactions.ServerDispatcher.Post(key.GetHashCode(), new AckWork(this, new SipRequestContext(request, flow, null, _metrics)));
                break;
            case ServerReceiveResult.Refused:
                _metrics.RefusedAtLimit();
                string retryAfter = _options.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                SendStateless(request, flow, 503, "Service Unavailable", [new("Retry-After", retryAfter)]);
                break;
        }
    }

    /// <summary>REGISTER: registrar. A Request-URI without a user part names a server: UAS. Anything else would be forwarded: proxy.</summary>
    private static SipElementRole RoleOf(SipMessage request, SipUri? requestUri)
    {
        if (request.Method == SipMethod.Register)
        {
            return SipElementRole.Registrar;
        }

        return requestUri is { User: null } ? SipElementRole.UserAgentServer : SipElementRole.Proxy;
    }

    private static SipElementRole RoleOf(SipMessage request) =>
        RoleOf(request, SipUri.TryParse(request.GetSpan(request.RequestUri), out SipUri? uri) ? uri : null);

    private void RejectInvalid(SipMessage request, SipParseError error, SipFlow flow)
    {
        // An ACK is never answered; without a Via there is nowhere to send. A missing Call-ID or CSeq still gets
        // its 400 (the client matches it by the Via branch).
        if (error.StatusCode == 0 || request.Method == SipMethod.Ack || !request.TryGetVia(out _))
        {
            _metrics.MessageDropped();
            return;
        }

        IReadOnlyList<KeyValuePair<string, string>>? headers = null;
        if (error.StatusCode == 420)
        {
            headers = [new("Unsupported", UnsupportedTags(request))];
        }

        SendStateless(request, flow, error.StatusCode, null, headers);
    }

    private string UnsupportedTags(SipMessage request)
    {
        Span<SipRange> tags = stackalloc SipRange[MaxUnsupportedTags];
        int count = _validators[(int)RoleOf(request)].GetUnsupportedTags(request, tags);
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            text.Append(i == 0 ? "" : ", ").Append(Encoding.UTF8.GetString(request.GetSpan(tags[i])));
        }

        return text.ToString();
    }
}
