using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Contracts.Sip;
using Switchboard.Sip.Parsing;

namespace Switchboard.EdgeTransport;

/// <summary>
/// What the edge does with received bytes: frame, parse, answer what cannot be parsed (statelessly, with the status
/// the parser names) or drop it, and hand good messages to the sink. Semantic checks (missing headers, 416, 420, 483)
/// belong to the transaction layer, which knows in which role it answers.
/// </summary>
public sealed class EdgeInbound
{
    private readonly ISipMessageSink _sink;
    private readonly TimeProvider _time;

    public EdgeInbound(
        IOptions<EdgeTransportOptions> options,
        ISipMessageSink sink,
        SipParserOptions parserOptions,
        EdgeMetrics metrics,
        TimeProvider time,
        ILogger<EdgeInbound> logger)
    {
        _sink = sink;
        _time = time;
        EdgeId = options.Value.EdgeId;
        Metrics = metrics;
        Logger = logger;
        Parser = new SipParser(parserOptions);
        Responder = new StatelessErrorResponder();
        Datagrams = new DatagramInbound(this);
        Streams = new StreamInbound(this, parserOptions);
    }

    public string EdgeId { get; }

    internal SipParser Parser { get; }

    internal EdgeMetrics Metrics { get; }

    internal ILogger Logger { get; }

    internal StatelessErrorResponder Responder { get; }

    internal DatagramInbound Datagrams { get; }

    internal StreamInbound Streams { get; }

    internal ISipSender? Sender { get; private set; }

    internal void AttachSender(ISipSender sender) => Sender = sender;

    internal void Deliver(ReadOnlyMemory<byte> message, in SipFlow flow) =>
        _sink.OnMessage(new ReceivedMessage(message, flow, _time.GetUtcNow()));

    internal void OnConnectionClosed(in SipFlow flow) => _sink.OnConnectionClosed(flow);
}
