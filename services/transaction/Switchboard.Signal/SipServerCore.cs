using System.Collections.Concurrent;
using Switchboard.Contracts.Sip;
using Switchboard.Signal.Builders;
using Switchboard.Signal.Handlers;
using Switchboard.Signal.Metrics;
using Switchboard.Signal.Sending;
using Switchboard.Sip;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Validation;
using Switchboard.Transaction;
using Switchboard.Transaction.Client;
using Switchboard.Transaction.Server;

namespace Switchboard.Signal;

/// <summary>
/// The SIP server core (the manual's "SIP Server" and "SIP Client"): the edge hands it received messages; it parses
/// and validates them, answers semantic errors statelessly, matches requests to server transactions and responses
/// to client transactions, and runs new requests through the handler chain on the transaction workers.
/// </summary>
public sealed partial class SipServerCore : ISipMessageSink
{
    // A REGISTER or OPTIONS has 10 to 16 header lines; the index grows for longer messages.
    private const int HeaderCapacity = 16;

    private readonly SipParser _parser;
    private readonly SipRequestHandlerChain _handlers;
    private readonly IStatelessResponseHandler _strayResponses;
    private readonly SignalOptions _options;
    private readonly SignalMetrics _metrics;
    private readonly SipOutbound _outbound;
    private readonly TransactionContext _transactions;
    private readonly SipMessageValidator[] _validators;
    private readonly OptionsHandler? _keepalive;

    // Requests between Receive (receive path) and OnRequest (worker), keyed by their private byte array.
    private readonly ConcurrentDictionary<byte[], PendingRequest> _pending = new(ReferenceEqualityComparer.Instance);

    public SipServerCore(
        ISipSender sender,
        TransactionContext transactions,
        SipRequestHandlerChain handlers,
        SignalOptions options,
        SignalMetrics metrics,
        IStatelessResponseHandler? strayResponses = null,
        SipParser? parser = null)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        options.Validate();
        _parser = parser ?? new SipParser(null);
        _handlers = handlers;
        _options = options;
        _metrics = metrics;
        _strayResponses = strayResponses ?? new DroppingResponseHandler(metrics);
        _outbound = new SipOutbound(sender, metrics);
        _transactions = transactions;
        _validators = CreateValidators(options);
        _keepalive = handlers.Handlers.OfType<OptionsHandler>().FirstOrDefault();
        Server = new ServerTransactionLayer(transactions, new TransactionUser(this), new TryingBuilder(_parser));
        Client = new ClientTransactionLayer(transactions, new AckBuilder(_parser));
    }

    /// <summary>The server transactions (the manual's Server Transactions Limit applies).</summary>
    public ServerTransactionLayer Server { get; }

    /// <summary>The client transactions; the proxy starts them, responses are matched here.</summary>
    public ClientTransactionLayer Client { get; }

    public SignalMetrics Metrics => _metrics;

    /// <summary>Sends through the edge without waiting (for the proxy and UAC parts that come later).</summary>
    public SipOutbound Outbound => _outbound;

    public void OnMessage(in ReceivedMessage message)
    {
        try
        {
            Receive(message);
        }
        catch (Exception)
        {
            // The edge's receive loop must survive any message; a bug here costs one message, not the listener.
            _metrics.MessageDropped();
        }
    }

    /// <summary>
    /// Nothing to clean up: a transaction whose connection closed finds out when it sends (the edge answers
    /// FlowClosed) and falls back to a new connection to the Via address (RFC 3261 §18.2.2).
    /// </summary>
    public void OnConnectionClosed(in SipFlow flow)
    {
    }

    private void Receive(in ReceivedMessage message)
    {
        // The edge reuses its buffer after this call; transactions keep the request for retransmissions.
        byte[] copy = message.Bytes.ToArray();
        var parsed = new SipMessage(HeaderCapacity);
        bool ok = message.Flow.IsReliable
            ? _parser.TryParseFramed(copy, parsed, out SipParseError error)
            : _parser.TryParseDatagram(copy, parsed, out error);
        _metrics.UpdateLive(_transactions.Metrics);
        _metrics.UpdateSettled(Server.SettledCount + Client.Table.SettledCount);
        if (!ok)
        {
            OnUnparsable(parsed, error, message.Flow);
        }
        else if (parsed.IsResponse)
        {
            OnResponse(parsed, message);
        }
        else
        {
            OnRequestReceived(parsed, copy, message.Flow);
        }
    }

    private void OnUnparsable(SipMessage parsed, SipParseError error, SipFlow flow)
    {
        if (parsed.IsRequest && error.CanAnswer && error.StatusCode > 0 && parsed.Method != SipMethod.Ack)
        {
            SendStateless(parsed, flow, error.StatusCode, null, null);
            return;
        }

        _metrics.MessageDropped();
    }

    /// <summary>A response without a transaction (errors found before one exists, 503 at the limit).</summary>
    private void SendStateless(
        SipMessage request, SipFlow flow, int statusCode, string? reason, IReadOnlyList<KeyValuePair<string, string>>? headers)
    {
        ReadOnlyMemory<byte> bytes = SipRequestContext.Write(request, statusCode, reason, headers);
        _outbound.Send(bytes, ResponseRoute.For(request, flow));
        _metrics.StatelessSent(statusCode);
    }

    private static SipMessageValidator[] CreateValidators(SignalOptions options)
    {
        var validators = new SipMessageValidator[3];
        foreach (SipElementRole role in (ReadOnlySpan<SipElementRole>)[SipElementRole.Proxy, SipElementRole.Registrar, SipElementRole.UserAgentServer])
        {
            validators[(int)role] = new SipMessageValidator(new SipValidatorOptions
            {
                Role = role,
                SupportedOptionTags = [.. options.SupportedOptionTags],
            });
        }

        return validators;
    }

    private sealed record PendingRequest(SipMessage Message, SipFlow Flow);
}
